import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Timeouts } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';

export const timeoutsQueryKey = ['timeouts'] as const;

export function timeoutsQueryOptions() {
  return queryOptions({ queryKey: timeoutsQueryKey, queryFn: () => api.get<Timeouts>('/timeouts') });
}

export function useSetTimeouts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (timeouts: Timeouts) => api.put<Timeouts>('/timeouts', timeouts),
    onSettled: () => queryClient.invalidateQueries({ queryKey: timeoutsQueryKey }),
  });
}
