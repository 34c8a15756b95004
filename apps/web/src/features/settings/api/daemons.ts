import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncDaemon, SyncDaemonInput, SyncDaemonState } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';

export const daemonsQueryKey = ['daemons'] as const;

export function daemonsQueryOptions() {
  return queryOptions({ queryKey: daemonsQueryKey, queryFn: () => api.get<SyncDaemon[]>('/daemons') });
}

export function useStartDaemon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SyncDaemonInput) => api.post<SyncDaemon[]>('/daemons', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: daemonsQueryKey }),
  });
}

export function useStopDaemon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (state: SyncDaemonState) => api.delete(`/daemons/${state}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: daemonsQueryKey }),
  });
}
