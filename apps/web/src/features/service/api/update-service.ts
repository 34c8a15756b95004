import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Service, ServiceSettings } from '@ipvs-dashboard/shared';
import { change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { servicePath } from './paths';

export function updateService(sid: string, settings: Partial<ServiceSettings>): Promise<Service> {
  return change.patch<Service>(servicePath(sid), settings).then(announced('edit-service'));
}

export function useUpdateService(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<ServiceSettings>) => updateService(sid, settings),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
