import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nProvider } from '../lib/i18n/i18n-context';
import type { LiveFeed } from '../lib/live/live-feed';
import { LiveFeedContext } from '../lib/live/use-live-status';

export function AppProvider({
  queryClient,
  feed,
  children,
}: {
  queryClient: QueryClient;
  feed: LiveFeed | null;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <LiveFeedContext.Provider value={feed}>
        <I18nProvider>{children}</I18nProvider>
      </LiveFeedContext.Provider>
    </QueryClientProvider>
  );
}
