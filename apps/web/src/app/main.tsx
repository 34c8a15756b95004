// The app layer: wires the one QueryClient, the one live feed and the screens. It may import features,
// components and lib; nothing imports it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from '../lib/api/query-client';
import { restoreReturnPath } from '../lib/api/session-state';
import { createLiveFeed } from '../lib/live/live-feed';
import { applyInitialTheme } from '../lib/theme/theme';
import { App } from './app';
import { AppProvider } from './provider';
import './styles.css';
import './responsive.css';

applyInitialTheme();
restoreReturnPath();
const feed = createLiveFeed(queryClient);
feed.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProvider queryClient={queryClient} feed={feed}>
        <App />
      </AppProvider>
    </StrictMode>,
  );
}
