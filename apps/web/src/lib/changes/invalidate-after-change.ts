import type { QueryClient } from '@tanstack/react-query';

// An undo, a rollback or a resume may touch anything a change can: services, timeouts, kernel settings,
// daemons, the change log, /info. Refetch all of it, except what the live feed writes (the series and
// totals under 'series' and 'live'): those are not fetched, and refetching history would redraw the charts.
export function invalidateAfterChange(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] !== 'series' && query.queryKey[0] !== 'live',
  });
}
