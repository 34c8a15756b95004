import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Service, ServiceSettings } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { servicePath } from './paths';

export function updateService(sid: string, settings: Partial<ServiceSettings>): Promise<Service> {
  return api.patch<Service>(servicePath(sid), settings);
}

export function useUpdateService(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<ServiceSettings>) => updateService(sid, settings),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
