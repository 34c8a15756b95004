import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Service, ServiceInput } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';
import { servicesQueryKey } from '../../../lib/table/get-services';

export function createService(input: ServiceInput): Promise<Service> {
  return api.post<Service>('/services', input);
}

export function useCreateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createService,
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
