import { useMutation, useQueryClient } from '@tanstack/react-query';
import { change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { destinationPath } from './paths';

export function useDeleteDestination(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (did: string) =>
      change.delete(destinationPath(sid, did)).then(announced('delete-destination')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
