import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Destination, DestinationInput } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { servicePath } from './paths';

export function addDestination(sid: string, input: DestinationInput): Promise<Destination> {
  return api.post<Destination>(`${servicePath(sid)}/destinations`, input);
}

export function useAddDestination(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DestinationInput) => addDestination(sid, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
