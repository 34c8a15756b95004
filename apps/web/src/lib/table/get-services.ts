import { queryOptions } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { api } from '../api/api-client';

// The whole IPVS table. Snapshot frames from the live feed replace it; samples update its counters.
export const servicesQueryKey = ['services'] as const;

export function servicesQueryOptions() {
  return queryOptions({
    queryKey: servicesQueryKey,
    queryFn: () => api.get<ServiceWithDestinations[]>('/services'),
  });
}
