import type { Request, Response } from 'express';
import {
  AppError,
  fleetChangeHeader,
  fleetChangeIdSchema,
  type ChangeActor,
  type ChangeRecord,
  type DirectorSummary,
  type HoldsAtStart,
  type RampAtStart,
  type RestoreLine,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import type {
  ChangeJournal,
  ChangeLog,
  ChangePipeline,
  TableChangeRequest,
  TableChangeResult,
} from '../changes/index.js';
import type { Alerts } from '../alerts/index.js';
import type { FleetReader } from '../fleet/index.js';
import type { IpvsBackend } from '../ipvs/backend/backend.js';
import type { TableMonitor } from '../live/table-monitor.js';
import type { DrainTracker } from '../drain/index.js';
import type { HealthMonitor } from '../health/index.js';
import type { RowStatus } from '../holds/index.js';
import type { SlowStart, SorryServers } from '../policy/index.js';
import type { TableOwners } from '../owners/index.js';
import type { LongHistory } from '../prometheus/index.js';
import type { CheckStore, HoldStore, PolicyStore } from '../state/index.js';
import { requestCaller } from './request-guards.js';

/** The ipvsadm save/restore text format (shared ipvsadm-format), as the /config routes need it. */
export interface ConfigTextFormat {
  /** `ipvsadm -Sn` text (with -x/-y thresholds) of a table. */
  format(table: readonly ServiceWithDestinations[]): string;
  /**
   * Restore text to its commands, each with its line; throws VALIDATION_FAILED with every line ipvsadm
   * would refuse in details.problems, or naming a command that is not about the table.
   */
  parse(text: string): RestoreLine[];
}

/**
 * What every route handler may use: the backend, the one poller, the change pipeline with its journal and
 * log, remembered state, and how we started.
 */
export interface AgentContext {
  backend: IpvsBackend;
  monitor: TableMonitor;
  /** Held real servers and their remembered weights (quiesce, health). */
  holds: HoldStore;
  /** Each real server's holds and health, added to every read. */
  status: RowStatus;
  /** Health check settings and the checks that run them. */
  checks: CheckStore;
  health: HealthMonitor;
  /** Running drains to completion (POST .../drain). */
  drains: DrainTracker;
  /** What the agent found of its holds at start. */
  holdsAtStart: HoldsAtStart | undefined;
  /** Each service's slow start and sorry server (policy routes, export lines). */
  policies: PolicyStore;
  /** How a real server returns from its holds (slow start); quiesce routes pass it to releaseHold. */
  returns: SlowStart;
  sorry: SorryServers;
  /** Ramps an earlier agent left unfinished and what became of them. */
  rampsAtStart: RampAtStart[] | undefined;
  pipeline: ChangePipeline;
  journal: ChangeJournal;
  changes: ChangeLog;
  /** Why this backend was chosen; null when the user asked for it by name. */
  backendReason: string | null;
  configText: ConfigTextFormat;
  intervalMs: number;
  /** Opt-in /metrics families (--metrics). */
  metricFamilies: ReadonlySet<string>;
  /** Other programs managing the kernel's table (keepalived, ldirectord, kube-proxy). */
  owners: TableOwners;
  /** Where events an operator must know go (the log, webhooks): `alerts.notify(drainDoneAlert(...))`. */
  alerts: Alerts;
  /** Ranges beyond the live history, from Prometheus (--prometheus-url); null without one. */
  longHistory: LongHistory | null;
  /** This director's summary (GET /summary), which other agents' Fleet pages read. */
  director: () => Promise<DirectorSummary>;
  /** The other directors of the --fleet file, read for the browser; null without a fleet. */
  fleet: FleetReader | null;
}

/** Weak ETag of a table generation; clients echo it (or the bare number) in If-Match. */
export function generationTag(generation: number): string {
  return `W/"${generation}"`;
}

export function parseIfMatch(header: string): number | null {
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return match ? Number(match[1]) : null;
}

/** The generation a client's If-Match names, or null when it sent none (or `*`). */
export function ifMatchOf(request: Request): number | null {
  const ifMatch = request.headers['if-match'];
  if (typeof ifMatch !== 'string' || ifMatch.trim() === '*') return null;
  const expected = parseIfMatch(ifMatch);
  if (expected === null) {
    throw new AppError('VALIDATION_FAILED', 'If-Match must hold the ETag of GET /services.', {
      field: 'if-match',
    });
  }
  return expected;
}

/**
 * The fleet change a request is part of (X-Fleet-Change, set by the agent coordinating it), or undefined.
 * Only an admin token may tag its changes so: the tag is what ties each director's audit record to the
 * fleet change, and an operator token must not be able to file its changes under someone else's.
 */
export function fleetChangeOf(request: Request): string | undefined {
  const value = request.headers[fleetChangeHeader];
  if (value === undefined) return undefined;
  if (requestCaller(request).role !== 'admin') {
    throw new AppError(
      'FORBIDDEN',
      'X-Fleet-Change is accepted only from an admin token: the fleet file must hold an admin token for this director to change it.',
    );
  }
  const parsed = fleetChangeIdSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `X-Fleet-Change: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      {
        field: fleetChangeHeader,
      },
    );
  }
  return parsed.data;
}

/** Who is asking: the name of the token the request was signed in with. */
export function actorOf(request: Request): ChangeActor {
  return { type: 'api', name: requestCaller(request).name };
}

/**
 * Runs one table change through the pipeline for a request (its If-Match, its caller) and sets the
 * answer's ETag and X-Change-Id.
 */
export async function runChange(
  context: AgentContext,
  request: Request,
  response: Response,
  change: Omit<TableChangeRequest, 'actor' | 'ifMatch'>,
): Promise<TableChangeResult> {
  const result = await context.pipeline.run({
    ...change,
    actor: actorOf(request),
    ifMatch: ifMatchOf(request),
    fleetChange: fleetChangeOf(request),
    answered: answerSent(response),
  });
  announce(response, result.generation, result.record);
  return result;
}

/** Settles when the response has been handed to the socket whole, or the client went away. */
export function answerSent(response: Response): Promise<void> {
  if (response.writableFinished || response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    response.once('finish', () => resolve());
    response.once('close', () => resolve());
  });
}

export function announce(response: Response, generation: number | null, record: ChangeRecord | null): void {
  if (generation !== null) response.setHeader('ETag', generationTag(generation));
  if (record) response.setHeader('X-Change-Id', record.id);
}
