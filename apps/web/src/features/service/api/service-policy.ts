import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ServicePolicy } from '@ipvs-dashboard/shared';
import { api, change } from '../../../lib/api/api-client';
import { servicesQueryKey } from '../../../lib/table/get-services';
import { servicePath } from './paths';

const policyKey = (sid: string) => ['policy', sid] as const;

/** A service's slow start and sorry server (docs/api.md); {} when none is set. */
export function policyQueryOptions(sid: string) {
  return queryOptions({
    queryKey: policyKey(sid),
    queryFn: () => api.get<ServicePolicy>(`${servicePath(sid)}/policy`),
  });
}

/** Saves a policy; an empty one removes it (DELETE), which also takes a sorry server out of the table. */
export function useSavePolicy(sid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (policy: ServicePolicy) => {
      const path = `${servicePath(sid)}/policy`;
      if (!policy.slowStartSeconds && !policy.sorryServer) {
        await change.delete(path);
        return {};
      }
      return (await change.put<ServicePolicy>(path, policy)).body;
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: policyKey(sid) }),
        queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
      ]),
  });
}
