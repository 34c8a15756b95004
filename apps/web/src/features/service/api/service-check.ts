import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { healthCheckSchema, type HealthCheck } from '@ipvs-dashboard/shared';
import { api, change } from '../../../lib/api/api-client';
import { hasErrorCode } from '../../../lib/api/api-error';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { servicePath } from './paths';

// A service's health check (GET/PUT/DELETE /services/:sid/check, docs/api.md "Health checks"). No check
// set is an answer (null), not an error: the form then offers to add one.

const checkPath = (sid: string) => `${servicePath(sid)}/check`;
export const serviceCheckQueryKey = (sid: string) => ['service-check', sid] as const;

export function serviceCheckQueryOptions(sid: string) {
  return queryOptions({
    queryKey: serviceCheckQueryKey(sid),
    queryFn: async (): Promise<HealthCheck | null> => {
      try {
        return healthCheckSchema.parse(await api.get<unknown>(checkPath(sid)));
      } catch (error) {
        if (hasErrorCode(error, 'CHECK_NOT_SET')) return null;
        throw error;
      }
    },
  });
}

/** Sets (check) or removes (null) the service's check; the cards' health follows from the next read. */
export function useSaveServiceCheck(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (check: HealthCheck | null) => {
      if (check === null) await change.delete(checkPath(sid));
      else await change.put<HealthCheck>(checkPath(sid), check);
      return check;
    },
    onSuccess: (check) => queryClient.setQueryData(serviceCheckQueryKey(sid), check),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
