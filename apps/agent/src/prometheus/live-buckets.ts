import type { HistoryPoint } from '@ipvs-dashboard/shared';
import { pointFields } from './promql.js';

/**
 * The agent's own points from `joinAt` on, as one mean per step: the point at instant T is the mean of the
 * samples in (T - step, T], like rate() over Prometheus's part; gauges rounded to whole connections. The
 * newest, partial step is stamped `to` so the line reaches the present.
 */
export function liveBuckets(
  points: readonly HistoryPoint[],
  joinAt: number,
  to: number,
  stepMs: number,
): HistoryPoint[] {
  const buckets = new Map<number, { sums: number[]; count: number }>();
  for (const point of points) {
    if (point.at <= joinAt - stepMs || point.at > to) continue;
    const at = Math.min(Math.ceil(point.at / stepMs) * stepMs, to);
    let bucket = buckets.get(at);
    if (!bucket) {
      bucket = { sums: pointFields.map(() => 0), count: 0 };
      buckets.set(at, bucket);
    }
    pointFields.forEach((field, index) => {
      bucket.sums[index]! += point[field];
    });
    bucket.count += 1;
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([at, { sums, count }]) => {
      const point = { at } as HistoryPoint;
      pointFields.forEach((field, index) => {
        const mean = sums[index]! / count;
        point[field] = field === 'activeConns' || field === 'inactiveConns' ? Math.round(mean) : mean;
      });
      return point;
    });
}
