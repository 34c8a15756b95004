import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Destination } from '@ipvs-dashboard/shared';
import { change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { patchCachedDestination, restoreTable } from '../../../lib/table/update-cached-destination';
import { quiescedQueryKey } from '../../../lib/table/get-quiesced';
import { destinationPath } from './paths';

interface Variables {
  did: string;
  quiesce: boolean;
  /** The weight to show while the agent restores the one it remembered (corrected when it answers). */
  expectedWeight: number;
  /** Unquiesce of a server the agent remembers no weight for (weight 0 set elsewhere): the weight to set. */
  weight?: number;
}

export function quiesceDestination(
  sid: string,
  did: string,
  quiesce: boolean,
  weight?: number,
): Promise<Destination> {
  // Its Undo (the notice) reverts the change, which gives back exactly the weight the server had.
  return change
    .post<Destination>(
      `${destinationPath(sid, did)}/${quiesce ? 'quiesce' : 'unquiesce'}`,
      weight === undefined ? undefined : { weight },
    )
    .then(announced(quiesce ? 'quiesce' : 'unquiesce'));
}

/** Dragging a card between lanes: weight 0 (or back) shows at once, rolls back on refusal. */
export function useQuiesceDestination(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ did, quiesce, weight }: Variables) => quiesceDestination(sid, did, quiesce, weight),
    onMutate: async ({ did, quiesce, expectedWeight, weight }: Variables) => ({
      previous: await patchCachedDestination(queryClient, sid, did, {
        weight: quiesce ? 0 : (weight ?? expectedWeight),
      }),
    }),
    onError: (_error, _variables, context) => restoreTable(queryClient, context?.previous),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
        queryClient.invalidateQueries({ queryKey: quiescedQueryKey }),
      ]),
  });
}
