import { useMutation, useQueryClient } from '@tanstack/react-query';
import { restorePlanSchema, type RestorePlan } from '@ipvs-dashboard/shared';
import { apiRequest, changeRequest } from '../../../lib/api/api-client';
import { announceChange } from '../../../lib/changes/change-notice';
import { servicesQueryKey } from '../../../lib/table/get-services';

// Export and import in ipvsadm's save/restore format (`ipvsadm -S -n` / `ipvsadm -R`). Import either
// replaces the table (PUT: what the text leaves out is removed) or merges into it as ipvsadm -R does
// (POST: adds and edits; only explicit -D/-d/-C lines remove).
export async function exportConfig(): Promise<string> {
  return (await apiRequest('GET', '/config')).text();
}

export type ImportMode = 'replace' | 'merge';

export interface ImportRequest {
  text: string;
  mode: ImportMode;
  dryRun: boolean;
  /** The user confirmed that replacing the table with this text removes every service. */
  replaceAll: boolean;
}

export function importPath({ mode, dryRun, replaceAll }: Omit<ImportRequest, 'text'>): string {
  const params = new URLSearchParams();
  if (dryRun) params.set('dryRun', '1');
  if (replaceAll && mode === 'replace') params.set('confirm', 'replace-all');
  const query = params.toString();
  return query ? `/config?${query}` : '/config';
}

export async function importConfig(request: ImportRequest): Promise<RestorePlan> {
  const result = await changeRequest<unknown>(
    request.mode === 'replace' ? 'PUT' : 'POST',
    importPath(request),
    {
      text: request.text,
    },
  );
  const plan = restorePlanSchema.parse(result.body);
  if (!request.dryRun)
    announceChange(
      result.changeId ?? plan.changeId ?? null,
      request.mode === 'replace' ? 'restore' : 'merge',
    );
  return plan;
}

export function useImportConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importConfig,
    // A dry run changes nothing: its plan on screen is the answer.
    meta: { confirmation: ({ dryRun }: { dryRun: boolean }) => (dryRun ? null : 'config.applied') },
    onSettled: (_plan, _error, { dryRun }) =>
      dryRun ? undefined : queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
