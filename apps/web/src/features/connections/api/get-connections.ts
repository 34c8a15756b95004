import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ConnectionsResponse } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';

export interface ConnectionsFilter {
  service: string;
  destination: string;
  state: string;
  offset: number;
  limit: number;
}

export function connectionsPath(filter: ConnectionsFilter): string {
  const params = new URLSearchParams();
  if (filter.service) params.set('service', filter.service);
  if (filter.destination) params.set('destination', filter.destination);
  if (filter.state) params.set('state', filter.state);
  params.set('offset', String(filter.offset));
  params.set('limit', String(filter.limit));
  return `/connections?${params.toString()}`;
}

export function connectionsQueryOptions(filter: ConnectionsFilter) {
  return queryOptions({
    queryKey: ['connections', filter],
    queryFn: () => api.get<ConnectionsResponse>(connectionsPath(filter)),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
    staleTime: 0,
  });
}
