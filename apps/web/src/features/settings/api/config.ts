import { useMutation, useQueryClient } from '@tanstack/react-query';
import { restorePlanSchema, restoreSummarySchema, type RestorePlan } from '@ipvs-dashboard/shared';
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

/**
 * A dry run answers the plan to show. Applying answers only the counts and the change id (`Prefer:
 * return=minimal`): the plan was on screen already, and for a 1,000 x 10 table it is nearly 1 MB to parse.
 */
export async function importConfig(request: ImportRequest): Promise<RestorePlan | null> {
  const method = request.mode === 'replace' ? 'PUT' : 'POST';
  if (request.dryRun) {
    const result = await changeRequest<unknown>(method, importPath(request), { text: request.text });
    return restorePlanSchema.parse(result.body);
  }
  const result = await changeRequest<unknown>(method, importPath(request), {
    text: request.text,
    prefer: 'return=minimal',
  });
  const summary = restoreSummarySchema.parse(result.body);
  announceChange(
    result.changeId ?? summary.changeId ?? null,
    request.mode === 'replace' ? 'restore' : 'merge',
  );
  return null;
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
