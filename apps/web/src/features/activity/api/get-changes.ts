import { infiniteQueryOptions } from '@tanstack/react-query';
import { changesPageSchema } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';
import { changesQueryKey } from '../../../lib/changes/get-change';
import type { ChangeSource } from '../../../lib/router/hash-router';

export interface ChangesFilter {
  service?: string;
  source?: ChangeSource;
}

const PAGE_SIZE = 50;

export function changesPath(filter: ChangesFilter, before: string | null): string {
  const params = new URLSearchParams();
  if (filter.service) params.set('service', filter.service);
  if (filter.source) params.set('source', filter.source);
  if (before) params.set('before', before);
  params.set('limit', String(PAGE_SIZE));
  return `/changes?${params.toString()}`;
}

/** The change log, newest first, a page at a time: each page's `next` is the cursor of the one after it. */
export function changesInfiniteOptions(filter: ChangesFilter) {
  return infiniteQueryOptions({
    queryKey: [...changesQueryKey, 'list', filter.service ?? '', filter.source ?? ''] as const,
    queryFn: async ({ pageParam }) =>
      changesPageSchema.parse(await api.get<unknown>(changesPath(filter, pageParam))),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
}
