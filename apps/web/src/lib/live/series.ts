import type { HistoryPoint, Rates } from '@ipvs-dashboard/shared';
import type { WeightSeries } from './weight-series';

// Rate series the charts read. Each point is one sample interval; arrays are replaced, never mutated, so
// React and react-query see a new value, and capped so a page left open for a day stays small.
/** One interval: rates from counter deltas plus connection gauges, the shape /history returns. */
export type RatePoint = HistoryPoint;

export type RateField = Exclude<keyof RatePoint, 'at'>;

/** 15 minutes at 1 s: the longest window the service page offers. */
export const HISTORY_POINTS = 900;
/** The same 15 minutes, for what is kept by time (weight steps). */
export const HISTORY_MS = 900_000;
/** What an overview sparkline shows: the last minute. */
export const SPARKLINE_POINTS = 60;

/**
 * A point in /history's field order, field by field: the charts keep 900 per series and read them on every
 * render, and spread-built copies (`{ at, ...rates }`) get a hidden class each (row-copies.ts in shared).
 */
export function ratePoint(at: number, rates: Rates, activeConns: number, inactiveConns: number): RatePoint {
  return {
    at,
    cps: rates.cps,
    inPps: rates.inPps,
    outPps: rates.outPps,
    inBps: rates.inBps,
    outBps: rates.outBps,
    activeConns,
    inactiveConns,
  };
}

export function appendPoint(points: readonly RatePoint[], point: RatePoint, cap: number): RatePoint[] {
  const last = points[points.length - 1];
  if (last && last.at >= point.at) return points as RatePoint[];
  const start = points.length >= cap ? points.length - cap + 1 : 0;
  const next = points.slice(start);
  next.push(point);
  return next;
}

/** The points inside a window ending at the newest point. */
export function windowPoints(points: readonly RatePoint[], windowMs: number): readonly RatePoint[] {
  const last = points[points.length - 1];
  if (!last) return points;
  const from = last.at - windowMs;
  let index = points.length;
  while (index > 0 && (points[index - 1]?.at ?? 0) > from) index -= 1;
  return points.slice(index);
}

export interface ServiceSeries {
  total: RatePoint[];
  destinations: Record<string, RatePoint[]>;
  /** Each real server's weight as steps (the weight chart); empty for a long range (GET /history/range). */
  weights: WeightSeries;
}
