// A running drain as every read, live sample and GET .../drain show it (docs/api.md "Drain"), and the event
// the agent gives listeners (alerts, webhooks) when one ends.
import { z } from 'zod';
import type { DrainThen } from './drain-request.js';

/** What still ties clients to the real server: connections (ipvsadm ActiveConn, InActConn) and templates. */
export interface DrainCounts {
  active: number;
  inactive: number;
  /** Persistence templates pointing at it (the kernel's PersistConn, the template rows of ipvsadm -Lnc). */
  templates: number;
}

export interface DrainProgress {
  then: DrainThen;
  deadlineSeconds: number;
  /** ms since the epoch */
  startedAt: number;
  deadlineAt: number;
  /** The token that started it. */
  by: string;
  atStart: DrainCounts;
  now: DrainCounts;
  /** active + inactive + templates now: the drain is done when it reaches 0. */
  left: number;
  /** How many fewer per second over the last readings (negative while it grows); null before two readings. */
  perSecond: number | null;
  /** The estimate of seconds until `left` is 0 at that pace, capped by the deadline; null: no decline yet. */
  secondsLeft: number | null;
  /** What the estimate says ends it first. */
  endsBy: 'drained' | 'deadline';
  /** When `now` was read. */
  updatedAt: number;
}

/**
 * removed/kept: it drained to 0 and `then` was done; deadline: the deadline passed first and `then` was done
 * with `connectionsLeft` still there; cancelled: DELETE .../drain, or the server got a weight by another
 * path; gone: the real server left the table by another path.
 */
export type DrainOutcome = 'removed' | 'kept' | 'deadline' | 'cancelled' | 'gone';

/** What a listener of `onDrainFinished` receives. */
export interface DrainFinished {
  /** serviceId() and destinationId() */
  service: string;
  server: string;
  outcome: DrainOutcome;
  then: DrainThen;
  connectionsLeft: number;
  /** How long it ran. */
  seconds: number;
}

const count = z.number().int().nonnegative();
export const drainCountsSchema = z.object({
  active: count,
  inactive: count,
  templates: count,
}) satisfies z.ZodType<DrainCounts>;

export const drainProgressSchema = z.object({
  then: z.enum(['remove', 'keep']),
  deadlineSeconds: z.number().positive(),
  startedAt: z.number().int().nonnegative(),
  deadlineAt: z.number().nonnegative(),
  by: z.string(),
  atStart: drainCountsSchema,
  now: drainCountsSchema,
  left: count,
  perSecond: z.number().nullable(),
  secondsLeft: z.number().nonnegative().nullable(),
  endsBy: z.enum(['drained', 'deadline']),
  updatedAt: z.number().int().nonnegative(),
}) satisfies z.ZodType<DrainProgress>;

/** The warning given before a drain that returning clients can keep alive (drain-warning.ts). */
export interface DrainWarning {
  code: 'QUIESCENT_TEMPLATES_KEPT';
  message: string;
  /** The command that fixes it. */
  fix: string;
}

export const drainWarningSchema = z.object({
  code: z.literal('QUIESCENT_TEMPLATES_KEPT'),
  message: z.string(),
  fix: z.string(),
}) satisfies z.ZodType<DrainWarning>;

/** POST .../drain's answer: the drain (null for ?dryRun=1), the warning when it applies, the ipvsadm commands. */
export interface DrainStartAnswer {
  drain: DrainProgress | null;
  warning: DrainWarning | null;
  /** What the drain will run, as ipvsadm commands: `-e ... -w 0` now, and `-d` at the end for then: remove. */
  commands: string[];
}

export const drainStartAnswerSchema = z.object({
  drain: drainProgressSchema.nullable(),
  warning: drainWarningSchema.nullable(),
  commands: z.array(z.string()),
}) satisfies z.ZodType<DrainStartAnswer>;
