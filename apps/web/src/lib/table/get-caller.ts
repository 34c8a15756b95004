import { queryOptions } from '@tanstack/react-query';
import { callerSchema, type Caller } from '@ipvs-dashboard/shared';
import { api } from '../api/api-client';

// Who this browser is signed in as (GET /session): the token's name, role and service limit.
export const callerQueryKey = ['session', 'caller'] as const;

export function callerQueryOptions() {
  return queryOptions({
    queryKey: callerQueryKey,
    queryFn: async (): Promise<Caller> => callerSchema.parse(await api.get<unknown>('/session')),
    staleTime: 60_000,
  });
}
