import { queryOptions } from '@tanstack/react-query';
import { historyResponseSchema, type HistoryResponse } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';
import type { ServiceSeries } from '../../../lib/live/series';
import { serviceSeriesKey } from '../../../lib/live/series-queries';

// The service page's charts open with the agent's last 15 minutes (GET /history), then the live feed
// appends to the same cache entry every interval.
export function toServiceSeries(body: HistoryResponse, sid: string): ServiceSeries {
  const service = body.services.find((entry) => entry.id === sid);
  const result: ServiceSeries = { total: service?.points ?? [], destinations: {}, weights: {} };
  for (const destination of service?.destinations ?? []) {
    result.destinations[destination.id] = destination.points;
    if (destination.weights) result.weights[destination.id] = destination.weights;
  }
  return result;
}

export function serviceSeriesOptions(sid: string) {
  return queryOptions({
    queryKey: serviceSeriesKey(sid),
    queryFn: async () => {
      const body = historyResponseSchema.parse(
        await api.get<unknown>(`/history?service=${encodeURIComponent(sid)}`),
      );
      return toServiceSeries(body, sid);
    },
    staleTime: Infinity,
    gcTime: 60_000,
  });
}
