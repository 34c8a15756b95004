import { queryOptions } from '@tanstack/react-query';
import type { Totals } from '@ipvs-dashboard/shared';

// The netns-wide totals of the latest frame; the agent has no REST call for them, the live feed sets it.
export const totalsQueryKey = ['live', 'totals'] as const;

export function totalsQueryOptions() {
  return queryOptions({
    queryKey: totalsQueryKey,
    queryFn: (): Totals | null => null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
