import { QueryClient } from '@tanstack/react-query';

// The app's one QueryClient. Live data arrives over the WebSocket, so queries do not refetch on focus;
// a change event or a reconnect invalidates what it touches.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 30_000 },
    mutations: { retry: 0 },
  },
});
