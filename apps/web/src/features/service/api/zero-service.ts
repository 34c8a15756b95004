import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/api-client';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { servicePath } from './paths';

export function useZeroService(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<undefined>(`${servicePath(sid)}/zero`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
