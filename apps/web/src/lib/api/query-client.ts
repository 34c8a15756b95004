import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { confirmMutation } from './confirm-mutation';

// The app's one QueryClient. Live data arrives over the WebSocket, so queries do not refetch on focus;
// a change event or a reconnect invalidates what it touches. Every change the agent accepted is confirmed.
export const queryClient = new QueryClient({
  mutationCache: new MutationCache({
    onSuccess: (_data, variables, _context, mutation) => confirmMutation(variables, mutation),
  }),
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, retry: retryOnce, staleTime: 30_000 },
    mutations: { retry: 0 },
  },
});

/** One more try for a lost request or a server error; the agent's "no" (4xx, signed out) stays a no. */
function retryOnce(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 1;
}
