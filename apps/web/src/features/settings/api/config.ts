import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RestorePlan } from '@ipvs-dashboard/shared';
import { apiRequest } from '../../../lib/api/api-client';
import { servicesQueryKey } from '../../../lib/table/get-services';

// Export and import in ipvsadm's save/restore format (`ipvsadm -S -n` / `ipvsadm -R`).
export async function exportConfig(): Promise<string> {
  return (await apiRequest('GET', '/config')).text();
}

export async function importConfig(text: string, dryRun: boolean): Promise<RestorePlan> {
  const response = await apiRequest('PUT', `/config${dryRun ? '?dryRun=1' : ''}`, { text });
  return (await response.json()) as RestorePlan;
}

export function useImportConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, dryRun }: { text: string; dryRun: boolean }) => importConfig(text, dryRun),
    // A dry run changes nothing: its plan on screen is the answer.
    meta: { confirmation: ({ dryRun }: { dryRun: boolean }) => (dryRun ? null : 'config.applied') },
    onSettled: (_plan, _error, { dryRun }) =>
      dryRun ? undefined : queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
