import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/api-client';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { servicePath } from './paths';

export function useDeleteService(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(servicePath(sid)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
