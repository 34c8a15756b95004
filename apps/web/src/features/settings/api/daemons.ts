import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncDaemon, SyncDaemonInput, SyncDaemonState } from '@ipvs-dashboard/shared';
import { api, change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';

export const daemonsQueryKey = ['daemons'] as const;

export function daemonsQueryOptions() {
  return queryOptions({ queryKey: daemonsQueryKey, queryFn: () => api.get<SyncDaemon[]>('/daemons') });
}

export function useStartDaemon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SyncDaemonInput) =>
      change.post<SyncDaemon[]>('/daemons', input).then(announced('start-daemon')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: daemonsQueryKey }),
  });
}

export function useStopDaemon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (state: SyncDaemonState) => change.delete(`/daemons/${state}`).then(announced('stop-daemon')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: daemonsQueryKey }),
  });
}
