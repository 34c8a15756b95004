import { queryOptions } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { api } from '../api/api-client';

// The table as the live feed's last snapshot had it: every setting current (a snapshot follows every
// change), its numbers not. For views that need only settings, such as the fleet change form's choice of
// service and real server: they re-render when the table changes, not with every sample as views of
// ['services'] do, and they need no request of their own (GET /services is ~5 MB at 1,000 x 10).
export const tableSettingsQueryKey = ['table-settings'] as const;

export function tableSettingsQueryOptions() {
  return queryOptions({
    queryKey: tableSettingsQueryKey,
    // Only until the feed's first snapshot, which keeps it current from then on.
    queryFn: () => api.get<ServiceWithDestinations[]>('/services'),
    staleTime: Infinity,
  });
}
