import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DrainRequest, DrainStartAnswer } from '@ipvs-dashboard/shared';
import { change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';
import { quiescedQueryKey } from '../../../lib/table/get-quiesced';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { destinationPath } from './paths';

const drainPath = (sid: string, did: string) => `${destinationPath(sid, did)}/drain`;

/**
 * Starts a drain to completion (docs/api.md "Drain"); its progress then arrives on the real server in every
 * read and live sample, so nothing here polls.
 */
export function useStartDrain(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ did, request }: { did: string; request: DrainRequest }) =>
      change.post<DrainStartAnswer>(drainPath(sid, did), request).then(announced('drain')),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
        queryClient.invalidateQueries({ queryKey: quiescedQueryKey }),
      ]),
  });
}

/** Cancels it: the server goes back to its weight unless another hold remains. */
export function useCancelDrain(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (did: string) => change.delete(drainPath(sid, did)).then(announced('drain-cancel')),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
        queryClient.invalidateQueries({ queryKey: quiescedQueryKey }),
      ]),
  });
}
