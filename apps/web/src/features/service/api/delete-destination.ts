import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/api-client';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { destinationPath } from './paths';

export function useDeleteDestination(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (did: string) => api.delete(destinationPath(sid, did)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
