import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changeRecordSchema, type ChangeRecord } from '@ipvs-dashboard/shared';
import { change } from '../api/api-client';
import { invalidateAfterChange } from './invalidate-after-change';

// Undo: the agent applies the change's inverse as a new change. It answers 409 with details.conflicts when
// the rows it would overwrite changed since; `force` overwrites them anyway. 204 (null here): there was
// nothing left to undo, the table already is as before the change.
export async function revertChange(id: string, force: boolean): Promise<ChangeRecord | null> {
  const result = await change.post<unknown>(
    `/changes/${encodeURIComponent(id)}/revert`,
    force ? { force: true } : {},
  );
  return result.body === undefined ? null : changeRecordSchema.parse(result.body);
}

export function useRevertChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, force }: { id: string; force: boolean }) => revertChange(id, force),
    onSettled: () => invalidateAfterChange(queryClient),
  });
}
