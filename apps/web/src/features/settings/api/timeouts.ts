import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Timeouts } from '@ipvs-dashboard/shared';
import { api, change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';

export const timeoutsQueryKey = ['timeouts'] as const;

export function timeoutsQueryOptions() {
  return queryOptions({ queryKey: timeoutsQueryKey, queryFn: () => api.get<Timeouts>('/timeouts') });
}

export function useSetTimeouts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (timeouts: Timeouts) =>
      change.put<Timeouts>('/timeouts', timeouts).then(announced('timeouts')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: timeoutsQueryKey }),
  });
}
