import { queryOptions } from '@tanstack/react-query';
import { changeRecordSchema } from '@ipvs-dashboard/shared';
import { api } from '../api/api-client';

// Everything under 'changes' is the change log; the live feed invalidates it on every change frame.
export const changesQueryKey = ['changes'] as const;

/** One change log entry (GET /changes/:id), e.g. the summary of the change the Undo notice offers to undo. */
export function changeQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...changesQueryKey, 'one', id] as const,
    queryFn: async () =>
      changeRecordSchema.parse(await api.get<unknown>(`/changes/${encodeURIComponent(id)}`)),
    staleTime: Infinity,
  });
}
