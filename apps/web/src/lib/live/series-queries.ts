import { queryOptions } from '@tanstack/react-query';
import { historyResponseSchema } from '@ipvs-dashboard/shared';
import { api } from '../api/api-client';
import { SPARKLINE_POINTS, type RatePoint } from './series';

// The series live in the react-query cache so charts re-render through the usual hooks. Each starts from
// the agent's history (GET /history) when a screen first needs it; from then on the live feed appends
// (setQueryData) to what is loaded, and only to that.
export type OverviewSeries = Record<string, RatePoint[]>;

export const overviewSeriesKey = ['series', 'overview'] as const;

/** Every service's last minute: the overview's sparklines and, summed, its totals. */
export function overviewSeriesOptions() {
  return queryOptions({
    queryKey: overviewSeriesKey,
    queryFn: async (): Promise<OverviewSeries> => {
      const body = historyResponseSchema.parse(
        await api.get<unknown>(`/history?points=${SPARKLINE_POINTS}&destinations=0`),
      );
      const series: OverviewSeries = {};
      for (const service of body.services) series[service.id] = service.points;
      return series;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** One service's total and per-real-server series; filled by the service page's history query. */
export function serviceSeriesKey(sid: string) {
  return ['series', 'service', sid] as const;
}
