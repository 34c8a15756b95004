import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Destination, DestinationSettings } from '@ipvs-dashboard/shared';
import { change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { patchCachedDestination, restoreTable } from '../../../lib/table/update-cached-destination';
import { destinationPath } from './paths';

export function updateDestination(
  sid: string,
  did: string,
  settings: Partial<DestinationSettings>,
): Promise<Destination> {
  return change.patch<Destination>(destinationPath(sid, did), settings).then(announced('edit-destination'));
}

interface Variables {
  did: string;
  settings: Partial<DestinationSettings>;
}

/** Weight and thresholds change in the UI at once and roll back if the agent refuses. */
export function useUpdateDestination(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ did, settings }: Variables) => updateDestination(sid, did, settings),
    onMutate: async ({ did, settings }: Variables) => ({
      previous: await patchCachedDestination(queryClient, sid, did, settings),
    }),
    onError: (_error, _variables, context) => restoreTable(queryClient, context?.previous),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
