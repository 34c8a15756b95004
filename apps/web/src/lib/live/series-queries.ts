import { queryOptions } from '@tanstack/react-query';
import type { RatePoint } from './series';

// The series live in the react-query cache so charts re-render through the usual hooks. Their queryFn
// only supplies the empty start; the live feed appends (setQueryData), history fills the service page.
export type OverviewSeries = Record<string, RatePoint[]>;

export const overviewSeriesKey = ['series', 'overview'] as const;
export const totalsSeriesKey = ['series', 'totals'] as const;

export function overviewSeriesOptions() {
  return queryOptions({
    queryKey: overviewSeriesKey,
    queryFn: (): OverviewSeries => ({}),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function totalsSeriesOptions() {
  return queryOptions({
    queryKey: totalsSeriesKey,
    queryFn: (): RatePoint[] => [],
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** One service's total and per-real-server series; filled by the service page's history query. */
export function serviceSeriesKey(sid: string) {
  return ['series', 'service', sid] as const;
}
