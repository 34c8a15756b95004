// REST bodies that are not plain model values (docs/api.md): /info, /connections, PUT /config, /history.
import { z } from 'zod';
import { interruptedChangeSchema, type InterruptedChange } from './changes/change-record.js';
import type { AddressFamily, Connection, TunnelType } from './model.js';
import type { Rates } from './rates.js';
import { connectionSchema } from './schemas/read-model.js';
import { addressFamilySchema, intInRange, tunnelTypeSchema } from './schemas/primitives.js';
import { tableOwnerSchema, type TableOwner } from './table-owners.js';
import { backendKindSchema, ratesSchema, type BackendKind } from './ws.js';
import { holdSchema, type Hold } from './holds.js';

/** What the agent found at start, comparing the holds it remembered with the table (docs/api.md "Holds"). */
export interface HoldsAtStart {
  /** Held and still at weight 0: kept. */
  kept: { service: string; destination: string; holds: Hold[] }[];
  /** The table moved past them while the agent was away (gone, or a weight again): forgotten. */
  forgotten: { service: string; destination: string; holds: Hold[]; why: string }[];
  /** At weight 0 without a hold the agent knows of: set outside the agent, left as it is. */
  unheld: { service: string; destination: string }[];
}

const heldRow = { service: z.string(), destination: z.string() };
export const holdsAtStartSchema = z.object({
  kept: z.array(z.object({ ...heldRow, holds: z.array(holdSchema) })),
  forgotten: z.array(z.object({ ...heldRow, holds: z.array(holdSchema), why: z.string() })),
  unheld: z.array(z.object(heldRow)),
}) satisfies z.ZodType<HoldsAtStart>;

/**
 * A slow-start ramp an earlier agent left unfinished, and what this one did at start (docs/api.md "Slow
 * start"): resumed (its remaining steps from the weight due now), finished (its time was up: set to its
 * target at once), or dropped (the real server is gone, or its weight was changed by someone else: the
 * table wins). Either way no real server stays at a ramp step's weight.
 */
export interface RampAtStart {
  service: string;
  destination: string;
  target: number;
  /** The weight it has now (after what the agent did). */
  weight: number;
  outcome: 'resumed' | 'finished' | 'dropped';
  why: string;
}

export const rampAtStartSchema = z.object({
  service: z.string(),
  destination: z.string(),
  target: z.number().int().nonnegative(),
  weight: z.number().int().nonnegative(),
  outcome: z.enum(['resumed', 'finished', 'dropped']),
  why: z.string(),
}) satisfies z.ZodType<RampAtStart>;

/** What this kernel can do beyond what the schema checks: a change asking for anything else is refused whole. */
export interface KernelCapabilities {
  /** Schedulers the kernel has or can load; empty when they cannot be found (then none is refused). */
  schedulers: string[];
  /** Persistence engines (`--pe`), from the same module search as the schedulers. */
  persistenceEngines: string[];
  /** Tunnel types real servers may use: gue came with Linux 5.2, gre with 5.3. */
  tunnelTypes: TunnelType[];
  /** inet6 only when the kernel has IPv6 (not booted with ipv6.disable=1). */
  addressFamilies: AddressFamily[];
}

export interface InfoResponse extends KernelCapabilities {
  backend: BackendKind;
  /** Why this backend was chosen (e.g. "no IPVS in this kernel"), null when it was simply asked for. */
  backendReason: string | null;
  /** IPVS version, "1.2.1" */
  version: string;
  connTableSize: number;
  /** How often the agent samples counters, ms. */
  intervalMs: number;
  /** A change the agent was applying when it stopped, until rolled back or resumed; null when none. */
  interruptedChange: InterruptedChange | null;
  /** Other programs managing this kernel's table (empty with the simulated backend: its table is its own). */
  owners: TableOwner[];
  /** What the agent found of its holds at start; absent before its first reading of the table. */
  holdsAtStart?: HoldsAtStart;
  /** Slow-start ramps found unfinished at start; absent when there were none. */
  rampsAtStart?: RampAtStart[];
  /** Where ranges beyond the agent's memory come from (GET /history/range); null without --prometheus-url. */
  prometheus: PrometheusInfo | null;
  /** The fleet this agent shows (--fleet): its own name and how many peers; null or absent without one. */
  fleet?: { self: string; peers: number } | null;
}

/** GET /info `prometheus`. The URL stays in the agent: it may hold a password. */
export interface PrometheusInfo {
  /** The label matchers that pick this director's series, e.g. `{job="ipvs-dashboard"}`. */
  selector: string;
}

export const infoResponseSchema = z.object({
  backend: backendKindSchema,
  backendReason: z.string().nullable(),
  version: z.string(),
  connTableSize: z.number().int().nonnegative(),
  schedulers: z.array(z.string()),
  persistenceEngines: z.array(z.string()),
  tunnelTypes: z.array(tunnelTypeSchema),
  addressFamilies: z.array(addressFamilySchema),
  intervalMs: z.number().int().positive(),
  interruptedChange: interruptedChangeSchema.nullable(),
  owners: z.array(tableOwnerSchema),
  holdsAtStart: holdsAtStartSchema.optional(),
  prometheus: z.object({ selector: z.string() }).nullable(),
  rampsAtStart: z.array(rampAtStartSchema).optional(),
  fleet: z.object({ self: z.string(), peers: z.number().int().nonnegative() }).nullable().optional(),
}) satisfies z.ZodType<InfoResponse>;

export interface ConnectionsResponse {
  /** Rows matching the filter before offset/limit. */
  total: number;
  items: Connection[];
}

export const connectionsResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  items: z.array(connectionSchema),
}) satisfies z.ZodType<ConnectionsResponse>;

/** One field of a planned change: its value before and after, as text; null where the row is absent. */
export interface PlanField {
  field: string;
  from: string | null;
  to: string | null;
}

/** One service or real server the plan adds, edits or removes, with old -> new of every field that differs. */
export interface PlanDetail {
  action: 'add' | 'edit' | 'remove';
  service: string;
  destination?: string;
  fields: PlanField[];
}

/**
 * PUT/POST /config answer (and its dry run): what the restore text adds, changes and removes (ipvsadm
 * command lines), every row it touches with old -> new per field (a new service's real servers are in
 * `added` only), and, once applied, the change's id in the change log.
 */
export interface RestorePlan {
  added: string[];
  changed: string[];
  removed: string[];
  details: PlanDetail[];
  changeId?: string;
}

const planFieldSchema = z.object({
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const restorePlanSchema = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
  details: z.array(
    z.object({
      action: z.enum(['add', 'edit', 'remove']),
      service: z.string(),
      destination: z.string().optional(),
      fields: z.array(planFieldSchema),
    }),
  ),
  changeId: z.string().optional(),
}) satisfies z.ZodType<RestorePlan>;

/**
 * PUT/POST /config answer when applied with `Prefer: return=minimal` (RFC 7240): the plan's counts and the
 * change id. The plan itself was on screen from the dry run; its 11,000 lines for a 1,000 x 10 table are
 * nearly 1 MB that a client would only parse to throw away (the web app asks for this).
 */
export interface RestoreSummary {
  added: number;
  changed: number;
  removed: number;
  changeId?: string;
}

export const restoreSummarySchema = z.object({
  added: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  changeId: z.string().optional(),
}) satisfies z.ZodType<RestoreSummary>;

/** Whether a request's `Prefer` header asks for the minimal answer. */
export function prefersMinimal(prefer: string | null | undefined): boolean {
  return (prefer ?? '').split(',').some((part) => part.trim().toLowerCase() === 'return=minimal');
}

/**
 * GET /history query string. `points`: only the newest N points of each series (an overview's sparklines need
 * a minute, not 15); `destinations=0`: services only. Both keep the answer for a 1,000 x 10 table small: all
 * of it, 11,000 series of 900 points, is over a gigabyte of JSON.
 */
export const historyQuerySchema = z.object({
  service: z.string().optional(),
  points: z.coerce
    .number({ error: 'must be a whole number 1-100000' })
    .pipe(intInRange(1, 100_000))
    .optional(),
  destinations: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('1'),
});

/** One second of history: rates from counter deltas plus the connection gauges. */
export interface HistoryPoint extends Rates {
  at: number;
  activeConns: number;
  inactiveConns: number;
}

export interface HistorySeries {
  /** serviceId() or destinationId() */
  id: string;
  points: HistoryPoint[];
}

/**
 * A real server's weight from `at` until the next step's `at` (or now). Weights change rarely (an edit, a
 * quiesce, a slow-start ramp), so they are kept and sent as steps, not as a number in every point.
 */
export interface WeightStep {
  at: number;
  weight: number;
}

export interface DestinationHistory extends HistorySeries {
  /**
   * The weight over the same span as `points`, oldest first: the first step is the weight in force at the
   * first point (its `at`). Only GET /history has it (the long ranges leave it out).
   */
  weights?: WeightStep[];
}

export interface ServiceHistory extends HistorySeries {
  destinations: DestinationHistory[];
}

/** GET /history: per service and per real server, oldest point first (15 min at 1 s). */
export interface HistoryResponse {
  intervalMs: number;
  services: ServiceHistory[];
}

export const historyPointSchema = ratesSchema.extend({
  at: z.number().int().nonnegative(),
  activeConns: z.number().int().nonnegative(),
  inactiveConns: z.number().int().nonnegative(),
}) satisfies z.ZodType<HistoryPoint>;

const historySeriesSchema = z.object({ id: z.string(), points: z.array(historyPointSchema) });

export const weightStepSchema = z.object({
  at: z.number().int().nonnegative(),
  weight: z.number().int().nonnegative(),
}) satisfies z.ZodType<WeightStep>;

const destinationHistorySchema = historySeriesSchema.extend({
  weights: z.array(weightStepSchema).optional(),
});

export const historyResponseSchema = z.object({
  intervalMs: z.number().int().positive(),
  services: z.array(historySeriesSchema.extend({ destinations: z.array(destinationHistorySchema) })),
}) satisfies z.ZodType<HistoryResponse>;
