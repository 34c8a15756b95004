// What a real server's check found, as every read and live sample carries it (docs/api.md "Health checks").
import { z } from 'zod';

/** unknown: checked, not yet rise/fall results in a row; disabled: no check applies to it. */
export type HealthState = 'up' | 'down' | 'unknown' | 'disabled';

export interface CheckResult {
  ok: boolean;
  /** How long the check took, ms. */
  ms: number;
  /** "200 OK", "connect refused", "timed out after 1000 ms", "exit 3". */
  detail: string;
  /** When it finished, ms since the epoch. */
  at: number;
}

export interface HealthStatus {
  state: HealthState;
  /** Since when it is in this state, ms since the epoch; null when disabled. */
  since: number | null;
  /** The latest check's result; null before the first. */
  lastResult: CheckResult | null;
}

export const DISABLED_HEALTH: HealthStatus = Object.freeze({
  state: 'disabled',
  since: null,
  lastResult: null,
});

export const checkResultSchema = z.object({
  ok: z.boolean(),
  ms: z.number().nonnegative(),
  detail: z.string(),
  at: z.number().int().nonnegative(),
}) satisfies z.ZodType<CheckResult>;

export const healthStatusSchema = z.object({
  state: z.enum(['up', 'down', 'unknown', 'disabled']),
  since: z.number().int().nonnegative().nullable(),
  lastResult: checkResultSchema.nullable(),
}) satisfies z.ZodType<HealthStatus>;
