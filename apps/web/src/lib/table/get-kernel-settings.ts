import { queryOptions } from '@tanstack/react-query';
import type { KernelSetting } from '@ipvs-dashboard/shared';
import { api } from '../api/api-client';

export const kernelSettingsQueryKey = ['kernel-settings'] as const;

export function kernelSettingsQueryOptions() {
  return queryOptions({
    queryKey: kernelSettingsQueryKey,
    queryFn: () => api.get<KernelSetting[]>('/kernel-settings'),
  });
}

export function setKernelSetting(name: string, value: number): Promise<KernelSetting> {
  return api.put<KernelSetting>(`/kernel-settings/${encodeURIComponent(name)}`, { value });
}
