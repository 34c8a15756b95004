import { useMutation, useQueryClient } from '@tanstack/react-query';
import { change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { servicePath } from './paths';

export function useDeleteService(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => change.delete(servicePath(sid)).then(announced('delete-service')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
