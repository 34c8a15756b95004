// Long history (docs/api.md "Long history from Prometheus"): ranges beyond the agent's own 15 minutes,
// answered from Prometheus and joined to the agent's live data. The ranges the charts offer, the query
// string, the step fitted to a range and the answer live here, so the agent and the web app agree on them.
import { z } from 'zod';
import type { ServiceHistory } from './api.js';
import { historyPointSchema } from './api.js';

/** The ranges the charts offer beyond the agent's memory, as `?range=` takes them. */
export const longRanges = {
  '1h': 3_600_000,
  '6h': 21_600_000,
  '24h': 86_400_000,
  '7d': 604_800_000,
} as const satisfies Record<string, number>;

export type LongRange = keyof typeof longRanges;

/** The widest range anyone may ask for: a chart of a month is still a few hundred points. */
export const MAX_RANGE_MS = 31 * 86_400_000;
/** The narrowest: below a minute the live charts (1, 5, 15 min) draw it better. */
export const MIN_RANGE_MS = 60_000;

/** Points a chart draws at most; the step is the finest round one that keeps a range within it. */
export const MAX_RANGE_POINTS = 360;

/**
 * Round steps: 15 s is Prometheus's usual scrape interval, so finer steps would only repeat samples;
 * the rest are clock-round so every query of a range lands on the same instants.
 */
export const RANGE_STEPS_MS: readonly number[] = [
  15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
].map((seconds) => seconds * 1000);

/** The finest round step that draws `spanMs` in at most MAX_RANGE_POINTS points (1 h: 15 s, 7 d: 30 min). */
export function fitStep(spanMs: number): number {
  const step = RANGE_STEPS_MS.find((candidate) => spanMs / candidate <= MAX_RANGE_POINTS);
  return step ?? RANGE_STEPS_MS[RANGE_STEPS_MS.length - 1]!;
}

const wholeMs = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a time in milliseconds since 1970` })
    .int({ error: `${what} must be a whole number of milliseconds` })
    .nonnegative({ error: `${what} must be a time in milliseconds since 1970` });

/**
 * GET /history/range query string: a service, and either `range` (one of longRanges, ending now) or
 * `from` and `to` (ms since 1970, a chosen range). `destinations=0`: the service's total only.
 */
export const historyRangeQuerySchema = z
  .object({
    service: z.string({ error: 'service is required: the id of a service, e.g. tcp:10.0.0.1:80' }).min(1),
    range: z
      .enum(Object.keys(longRanges) as [LongRange, ...LongRange[]], {
        error: `range must be one of ${Object.keys(longRanges).join(', ')}; or give from and to`,
      })
      .optional(),
    from: wholeMs('from').optional(),
    to: wholeMs('to').optional(),
    destinations: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('1'),
  })
  .superRefine((query, context) => {
    if (query.range !== undefined) {
      if (query.from !== undefined || query.to !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['range'],
          message: 'give range, or from and to, not both',
        });
      }
      return;
    }
    if (query.from === undefined || query.to === undefined) {
      context.addIssue({
        code: 'custom',
        path: [query.from === undefined ? 'from' : 'to'],
        message: `give range (${Object.keys(longRanges).join(', ')}), or both from and to`,
      });
      return;
    }
    const span = query.to - query.from;
    if (span < MIN_RANGE_MS || span > MAX_RANGE_MS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'to must be 1 minute to 31 days after from',
      });
    }
  });

export type HistoryRangeQuery = z.infer<typeof historyRangeQuerySchema>;

/** The start and end (ms) a query asks for: a named range ends at `now`. */
export function rangeBounds(query: HistoryRangeQuery, now: number): { from: number; to: number } {
  if (query.range !== undefined) return { from: now - longRanges[query.range], to: now };
  return { from: query.from ?? now, to: query.to ?? now };
}

/**
 * GET /history/range: the service's and its real servers' points, one per `stepMs`, oldest first. Points
 * before `joinAt` come from Prometheus (rates by rate() over `rateWindowMs`, connections as Prometheus last
 * saw them); from `joinAt` on they are the agent's own samples, as means per step. `joinAt` is null when
 * the agent's memory holds nothing of the range (all of it is Prometheus's).
 */
export interface HistoryRangeResponse {
  from: number;
  to: number;
  stepMs: number;
  rateWindowMs: number;
  joinAt: number | null;
  services: ServiceHistory[];
}

const rangeSeriesSchema = z.object({ id: z.string(), points: z.array(historyPointSchema) });

export const historyRangeResponseSchema = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  stepMs: z.number().int().positive(),
  rateWindowMs: z.number().int().positive(),
  joinAt: z.number().int().nonnegative().nullable(),
  services: z.array(rangeSeriesSchema.extend({ destinations: z.array(rangeSeriesSchema) })),
}) satisfies z.ZodType<HistoryRangeResponse>;
