import type { RatePoint } from './series';
import type { OverviewSeries } from './series-queries';

/**
 * The sum over every service of one number, per sample time, oldest first, at most `count` of them: the
 * overview's totals drawn from the same agent-computed rates (2 s windows) as each service's sparkline, so
 * the two agree. (Deltas of the totals' own counters over 1 s alternated between 0 and double: the kernel
 * folds its counters in every 2 s.) Every series of a sample shares its time, history and live alike.
 */
export function sumSeries(
  series: OverviewSeries | undefined,
  read: (point: RatePoint) => number,
  count: number,
): number[] {
  const sums = new Map<number, number>();
  for (const points of Object.values(series ?? {})) {
    for (const point of points) sums.set(point.at, (sums.get(point.at) ?? 0) + read(point));
  }
  const times = [...sums.keys()].sort((a, b) => a - b).slice(-count);
  return times.map((at) => sums.get(at) ?? 0);
}
