import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { NamedTokenSummary, ShareLinkAnswer } from '@ipvs-dashboard/shared';
import { api, change } from '../../../lib/api/api-client';

export const tokensQueryKey = ['tokens'] as const;

/** The named tokens (admin only: a token that may not list them does not ask). */
export function tokensQueryOptions(enabled: boolean) {
  return queryOptions({
    queryKey: tokensQueryKey,
    queryFn: () => api.get<NamedTokenSummary[]>('/tokens'),
    enabled,
  });
}

export function useMakeShareLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      change.post<ShareLinkAnswer>('/tokens', { name }).then((answer) => answer.body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => change.delete(`/tokens/${encodeURIComponent(name)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}
