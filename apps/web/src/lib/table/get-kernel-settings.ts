import { queryOptions } from '@tanstack/react-query';
import type { KernelSetting } from '@ipvs-dashboard/shared';
import { api, change } from '../api/api-client';
import { announced } from '../changes/change-notice';

export const kernelSettingsQueryKey = ['kernel-settings'] as const;

export function kernelSettingsQueryOptions() {
  return queryOptions({
    queryKey: kernelSettingsQueryKey,
    queryFn: () => api.get<KernelSetting[]>('/kernel-settings'),
  });
}

export function setKernelSetting(name: string, value: number): Promise<KernelSetting> {
  return change
    .put<KernelSetting>(`/kernel-settings/${encodeURIComponent(name)}`, { value })
    .then(announced('kernel-setting'));
}
