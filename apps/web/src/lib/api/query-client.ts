import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

// The app's one QueryClient. Live data arrives over the WebSocket, so queries do not refetch on focus;
// a change event or a reconnect invalidates what it touches.
export const queryClient = new QueryClient({
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
