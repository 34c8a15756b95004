import { useMutation, useQueryClient } from '@tanstack/react-query';
import { change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';
import { servicesQueryKey } from '../../../lib/table/get-services';

export function useZeroAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => change.post<undefined>('/zero').then(announced('zero')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}

export function useClearTable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => change.post<undefined>('/clear', { confirm: 'clear' }).then(announced('clear')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
