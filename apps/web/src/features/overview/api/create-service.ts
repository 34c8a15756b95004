import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Service, ServiceInput } from '@ipvs-dashboard/shared';
import { change } from '../../../lib/api/api-client';
import { announced } from '../../../lib/changes/change-notice';
import { servicesQueryKey } from '../../../lib/table/get-services';

export function createService(input: ServiceInput): Promise<Service> {
  return change.post<Service>('/services', input).then(announced('add-service'));
}

export function useCreateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createService,
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
