import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Destination, DestinationInput } from '@ipvs-dashboard/shared';
import { change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { servicePath } from './paths';

export function addDestination(sid: string, input: DestinationInput): Promise<Destination> {
  return change
    .post<Destination>(`${servicePath(sid)}/destinations`, input)
    .then(announced('add-destination'));
}

export function useAddDestination(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DestinationInput) => addDestination(sid, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
