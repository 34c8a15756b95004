import { queryOptions } from '@tanstack/react-query';
import { changesPageSchema } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';
import { changesQueryKey } from '../../../lib/changes/get-change';

/** A vertical marker on the service's charts: when a change to it happened and what it was. */
export interface ChangeMarker {
  id: string;
  at: number;
  text: string;
}

/** How many of the service's changes the charts mark at most (the newest). */
const MARKER_LIMIT = 100;

// The changes to one service since the charts' window starts (GET /changes?service=&since=). Under
// 'changes', so the live feed's invalidation on every change frame brings new markers in.
export function serviceChangesOptions(sid: string, since: number) {
  return queryOptions({
    queryKey: [...changesQueryKey, 'service', sid, since] as const,
    queryFn: async (): Promise<ChangeMarker[]> => {
      const params = new URLSearchParams({ service: sid, since: String(since), limit: String(MARKER_LIMIT) });
      const page = changesPageSchema.parse(await api.get<unknown>(`/changes?${params.toString()}`));
      return page.items.map((record) => ({ id: record.id, at: record.at, text: record.summary }));
    },
  });
}
