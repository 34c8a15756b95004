import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changeRecordSchema, type ChangeRecord } from '@ipvs-dashboard/shared';
import { change } from '../api/api-client';
import { invalidateAfterChange } from './invalidate-after-change';

/** rollback: the interrupted change's services back to what they were; resume: carried to its end. */
export type Recovery = 'rollback' | 'resume';

export async function recoverChange(id: string, recovery: Recovery): Promise<ChangeRecord> {
  const result = await change.post<unknown>(`/changes/${encodeURIComponent(id)}/${recovery}`);
  return changeRecordSchema.parse(result.body);
}

/** Finishes a change the agent was applying when it stopped (GET /info's interruptedChange). */
export function useRecoverChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, recovery }: { id: string; recovery: Recovery }) => recoverChange(id, recovery),
    onSettled: () => invalidateAfterChange(queryClient),
  });
}
