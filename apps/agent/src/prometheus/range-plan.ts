import { fitStep } from '@ipvs-dashboard/shared';

/**
 * rate() needs two samples inside its window. Two minutes holds two at Prometheus's default 1-minute
 * scrape interval (eight at the usual 15 s); wider steps use the step itself, so no increase falls between
 * two points.
 */
export const MIN_RATE_WINDOW_MS = 120_000;

/** Which instants of a range Prometheus answers and which the agent's own memory does. */
export interface RangePlan {
  from: number;
  to: number;
  stepMs: number;
  rateWindowMs: number;
  /** The instants on the step grid: the first at or after `from`, the last at or before `to`. */
  start: number;
  end: number;
  /** The last instant asked of Prometheus; null when the agent's memory covers the whole range. */
  prometheusEnd: number | null;
  /**
   * The first instant answered from the agent's memory (on the grid, or `to` when its memory starts within
   * the last step); null when it holds nothing of the range.
   */
  joinAt: number | null;
}

/**
 * Lays a range on a grid of round steps (so the same range asked again lands on the same instants) and
 * splits it where the agent's own history starts (`liveStart`, its oldest point; null: none): the agent's
 * samples are finer and newer than any scrape, so Prometheus answers only what came before them.
 */
export function planRange(from: number, to: number, liveStart: number | null): RangePlan {
  const stepMs = fitStep(to - from);
  const start = Math.ceil(from / stepMs) * stepMs;
  const end = Math.floor(to / stepMs) * stepMs;
  const rateWindowMs = Math.max(stepMs, MIN_RATE_WINDOW_MS);
  if (liveStart === null || liveStart > to) {
    return { from, to, stepMs, rateWindowMs, start, end, prometheusEnd: end, joinAt: null };
  }
  // The step holding the oldest sample; when that step ends after `to`, the newest partial one at `to`.
  const joinAt = Math.min(Math.max(start, Math.ceil(liveStart / stepMs) * stepMs), to);
  const lastBefore = Math.ceil(joinAt / stepMs) * stepMs - stepMs;
  const prometheusEnd = lastBefore >= start ? lastBefore : null;
  return { from, to, stepMs, rateWindowMs, start, end, prometheusEnd, joinAt };
}
