import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ConnectionsResponse } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';
import type { ConnectionsView } from '../../../lib/router/connections-route';

/** Rows per page: a page the browser draws at once; the agent searches and sorts the whole table. */
export const CONNECTIONS_PAGE = 50;

/** GET /connections for a screen's view: every filter, search and sort is done by the agent. */
export function connectionsPath(service: string | undefined, view: ConnectionsView): string {
  const params = new URLSearchParams();
  if (service) params.set('service', service);
  for (const name of ['destination', 'state', 'search', 'searchIn', 'sort', 'order', 'templates'] as const) {
    const value = view[name];
    if (value) params.set(name, value);
  }
  params.set('offset', String(((view.page ?? 1) - 1) * CONNECTIONS_PAGE));
  params.set('limit', String(CONNECTIONS_PAGE));
  return `/connections?${params.toString()}`;
}

export function connectionsQueryOptions(service: string | undefined, view: ConnectionsView) {
  const path = connectionsPath(service, view);
  return queryOptions({
    queryKey: ['connections', path],
    queryFn: () => api.get<ConnectionsResponse>(path),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
    staleTime: 0,
  });
}
