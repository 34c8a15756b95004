// The WebSocket /api/v1/live protocol (docs/api.md): every server-to-client frame is one LiveMessage,
// and both ends check it against liveMessageSchema. Samples carry only ids and numbers, and only of the rows
// whose numbers moved, to stay small.
import { z } from 'zod';
import type { Rates } from './rates.js';
import type { ServiceWithDestinations, Stats, Totals } from './model.js';
import { serviceWithDestinationsSchema, statsSchema, totalsSchema } from './schemas/read-model.js';
import { healthStatusSchema, type HealthStatus } from './health/health-status.js';
import { holdSchema, type Hold } from './holds.js';
import { drainProgressSchema, type DrainProgress } from './drain/drain-progress.js';
import { rampStatusSchema, type RampStatus } from './policy/service-policy.js';

export type BackendKind = 'kernel' | 'simulated';
export const backendKindSchema = z.enum(['kernel', 'simulated']);

/** First frame, and again after every change: the whole table. */
export interface SnapshotMessage {
  type: 'snapshot';
  /** ms since the epoch */
  at: number;
  intervalMs: number;
  backend: BackendKind;
  services: ServiceWithDestinations[];
  totals: Totals;
}

/** A real server's numbers in a sample. */
export interface DestinationNumbers {
  activeConns: number;
  inactiveConns: number;
  persistentConns: number;
  /** IP_VS_DEST_F_OVERLOAD (model.ts): moves with the gauges. */
  overloaded: boolean;
  /** The kernel's counters and its own (slow, smoothed) rates. */
  stats: Stats;
  /** Rates from this interval's counter deltas (ratesBetween). */
  rates: Rates;
}

/**
 * A real server in a sample: in a full sample with every number; otherwise with only the numbers that moved
 * since the previous sample (gauges one by one, `stats` and `rates` each as a whole): an absent one is
 * unchanged. Its kernel rates move every 2 s while its counters stand still, for instance.
 */
export interface DestinationSample extends Partial<DestinationNumbers> {
  /** destinationId() of the real server */
  id: string;
  /** Its holds and health (model.ts), present when they changed since the previous sample, and in a full one. */
  holds?: Hold[];
  health?: HealthStatus;
  /** Its drain's progress (null: none any more), when it changed since the previous sample, and in a full one. */
  drain?: DrainProgress | null;
  /** Its slow-start ramp when it changed (null: the ramp ended), and in a full sample. */
  ramp?: RampStatus | null;
  /** Whether it is its service's sorry server, when that changed, and in a full sample. */
  sorryServer?: boolean;
}

export interface ServiceNumbers {
  stats: Stats;
  rates: Rates;
}

/** A service in a sample: `stats` and `rates` as for its real servers (absent = unchanged unless full). */
export interface ServiceSample extends Partial<ServiceNumbers> {
  /** serviceId() of the service */
  id: string;
  /** In a full sample every real server of the service; otherwise only those whose numbers moved. */
  destinations: DestinationSample[];
}

/**
 * Every interval: counters, connection gauges and rates, no settings. Usually (`full: false`) it holds only
 * the rows whose counters, gauges or rates changed since the previous sample, with only the numbers that
 * moved: a row absent from it, a real server absent from its service's entry, a number absent from an
 * entry, keeps the value it had. A service is present when its own
 * numbers or any of its real servers' moved. A `full: true` sample holds every row; a client gets one
 * first after its snapshot and after any sample it missed (a slow client's samples are skipped), so a
 * client that applies every sample it receives in order is never missing a row. Totals are always present.
 */
export interface SampleMessage {
  type: 'sample';
  at: number;
  full: boolean;
  totals: Totals;
  services: ServiceSample[];
}

export type ChangeKind =
  | 'service-added'
  | 'service-removed'
  | 'service-changed'
  | 'destination-added'
  | 'destination-removed'
  | 'destination-changed'
  | 'cleared'
  | 'zeroed';

export interface Change {
  kind: ChangeKind;
  /** serviceId(), absent for table-wide changes (cleared, zeroed all). */
  service?: string;
  /** destinationId(), only for destination-* changes. */
  destination?: string;
}

/** What changed and who changed it: this agent's API, or something else (ipvsadm, keepalived...). */
export interface ChangeMessage {
  type: 'change';
  at: number;
  source: 'api' | 'external';
  /** The change log entry (GET /changes/:id): present exactly when source is api. */
  changeId?: string;
  changes: Change[];
}

export type LiveMessage = SnapshotMessage | SampleMessage | ChangeMessage;

const at = z.number().int().nonnegative();
const rate = z.number().nonnegative();
export const ratesSchema = z.object({
  cps: rate,
  inPps: rate,
  outPps: rate,
  inBps: rate,
  outBps: rate,
}) satisfies z.ZodType<Rates>;

const count = z.number().int().nonnegative();

export const snapshotMessageSchema = z.object({
  type: z.literal('snapshot'),
  at,
  intervalMs: z.number().int().positive(),
  backend: backendKindSchema,
  services: z.array(serviceWithDestinationsSchema),
  totals: totalsSchema,
}) satisfies z.ZodType<SnapshotMessage>;

export const sampleMessageSchema = z.object({
  type: z.literal('sample'),
  at,
  full: z.boolean(),
  totals: totalsSchema,
  services: z.array(
    z.object({
      id: z.string(),
      stats: statsSchema.optional(),
      rates: ratesSchema.optional(),
      destinations: z.array(
        z.object({
          id: z.string(),
          activeConns: count.optional(),
          inactiveConns: count.optional(),
          persistentConns: count.optional(),
          overloaded: z.boolean().optional(),
          stats: statsSchema.optional(),
          rates: ratesSchema.optional(),
          holds: z.array(holdSchema).optional(),
          health: healthStatusSchema.optional(),
          drain: drainProgressSchema.nullable().optional(),
          ramp: rampStatusSchema.nullable().optional(),
          sorryServer: z.boolean().optional(),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<SampleMessage>;

export const changeKinds = [
  'service-added',
  'service-removed',
  'service-changed',
  'destination-added',
  'destination-removed',
  'destination-changed',
  'cleared',
  'zeroed',
] as const satisfies readonly ChangeKind[];

export const changeMessageSchema = z.object({
  type: z.literal('change'),
  at,
  source: z.enum(['api', 'external']),
  changeId: z.string().optional(),
  changes: z.array(
    z.object({
      kind: z.enum(changeKinds),
      service: z.string().optional(),
      destination: z.string().optional(),
    }),
  ),
}) satisfies z.ZodType<ChangeMessage>;

export const liveMessageSchema = z.discriminatedUnion('type', [
  snapshotMessageSchema,
  sampleMessageSchema,
  changeMessageSchema,
]) satisfies z.ZodType<LiveMessage>;
