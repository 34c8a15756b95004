import { QueryClient, QueryClientProvider, type UseMutationResult } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import type { ChangeAction } from '@ipvs-dashboard/shared';
import { useChangeNotice } from '../lib/changes/change-notice';
import { stubFetch } from './fetch-stub';

/**
 * Runs a mutation hook against an agent that answers with an X-Change-Id, and checks that the Undo notice
 * now offers exactly that change as `action`.
 */
export async function expectAnnounced<V>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any answer type: only the notice matters
  useHook: () => UseMutationResult<any, Error, V>,
  variables: NoInfer<V>,
  action: ChangeAction,
  body: unknown = {},
): Promise<void> {
  const changeId = `c-${action}`;
  stubFetch((method) =>
    method === 'GET'
      ? { status: 200, body: [] }
      : { status: 200, body, headers: { 'x-change-id': changeId } },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => ({ mutation: useHook(), notice: useChangeNotice() }), { wrapper });
  await act(() => result.current.mutation.mutateAsync(variables));
  expect(result.current.notice).toMatchObject({ changeId, action });
}
