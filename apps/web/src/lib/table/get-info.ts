import { queryOptions } from '@tanstack/react-query';
import type { InfoResponse } from '@ipvs-dashboard/shared';
import { api } from '../api/api-client';

export const infoQueryKey = ['info'] as const;

export function infoQueryOptions() {
  return queryOptions({
    queryKey: infoQueryKey,
    queryFn: () => api.get<InfoResponse>('/info'),
    staleTime: 60_000,
  });
}
