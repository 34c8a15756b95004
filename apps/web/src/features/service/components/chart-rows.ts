import type { RateField, RatePoint, ServiceSeries } from '../../../lib/live/series';
import { windowPoints } from '../../../lib/live/series';

// Chart data: one row per sample time, a column for the service total and one per real server, so one
// recharts LineChart draws them all.
export type ChartRow = { at: number } & Record<string, number>;

export const TOTAL = 'total';

export function chartRows(
  series: ServiceSeries,
  field: RateField,
  windowMs: number,
  destinations: readonly string[],
): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  const put = (column: string, points: readonly RatePoint[]) => {
    for (const point of windowPoints(points, windowMs)) {
      let row = rows.get(point.at);
      if (!row) {
        row = { at: point.at };
        rows.set(point.at, row);
      }
      row[column] = point[field];
    }
  };
  put(TOTAL, series.total);
  for (const did of destinations) put(did, series.destinations[did] ?? []);
  return [...rows.values()].sort((a, b) => a.at - b.at);
}
