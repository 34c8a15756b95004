import type { RateField, RatePoint, ServiceSeries } from '../../../lib/live/series';
import { windowPoints } from '../../../lib/live/series';

// Chart data: one row per sample time, a column for the service total and one per real server, so one
// recharts LineChart draws them all.
export type ChartRow = { at: number } & Record<string, number>;

export const TOTAL = 'total';

/**
 * What a chart draws: a field of the points, or `connections`, active + inactive: what the kernel holds
 * against a real server's thresholds (shared overload.ts), so the threshold lines are drawn on it.
 */
export type ChartField = RateField | 'connections';

function valueOf(point: RatePoint, field: ChartField): number {
  return field === 'connections' ? point.activeConns + point.inactiveConns : point[field];
}

export function chartRows(
  series: Pick<ServiceSeries, 'total' | 'destinations'>,
  field: ChartField,
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
      row[column] = valueOf(point, field);
    }
  };
  put(TOTAL, series.total);
  for (const did of destinations) put(did, series.destinations[did] ?? []);
  return [...rows.values()].sort((a, b) => a.at - b.at);
}

/**
 * At most `maxRows` rows, each the mean of consecutive rows (stamped with the last one's time). A 200 px tall
 * chart about 500 px wide shows no more than that, and recharts' cost grows with rows x lines: fifteen
 * minutes at 1 s is 900 rows x 11 lines per chart, six charts. Means keep the area under the line honest.
 */
export function downsampleRows(rows: ChartRow[], maxRows: number): ChartRow[] {
  if (rows.length <= maxRows) return rows;
  const size = Math.ceil(rows.length / maxRows);
  const out: ChartRow[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const bucket = rows.slice(start, start + size);
    const sums = new Map<string, { sum: number; count: number }>();
    for (const row of bucket) {
      for (const [column, value] of Object.entries(row)) {
        if (column === 'at') continue;
        const entry = sums.get(column) ?? { sum: 0, count: 0 };
        entry.sum += value;
        entry.count += 1;
        sums.set(column, entry);
      }
    }
    const merged: ChartRow = { at: bucket[bucket.length - 1]?.at ?? 0 };
    for (const [column, { sum, count }] of sums) merged[column] = sum / count;
    out.push(merged);
  }
  return out;
}
