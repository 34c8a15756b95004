import { queryOptions } from '@tanstack/react-query';
import type { FleetHistoryResponse } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';

/**
 * The Fleet page's 1-hour lines (GET /fleet/history): one request for every director's card (react-query
 * shares it by key), again each minute, the lines' step; a Prometheus that is down is not retried at once.
 */
export function fleetHistoryQueryOptions(enabled: boolean) {
  return queryOptions({
    queryKey: ['fleet', 'history'],
    queryFn: () => api.get<FleetHistoryResponse>('/fleet/history'),
    refetchInterval: 60_000,
    staleTime: 30_000,
    retry: false,
    enabled,
  });
}
