import { Suspense, lazy, useEffect } from 'react';
import { AppShell } from './app-shell';
import { ConnectionsPage } from '../features/connections';
import { OverviewPage } from '../features/overview';
import { SettingsPage } from '../features/settings';
import { useSlashToSearch } from '../lib/dom/use-slash-to-search';
import { useRoute } from '../lib/router/hash-router';

// The service page carries the charts (recharts); load it when first opened so the overview starts sooner.
const ServicePage = lazy(() =>
  import('../features/service').then((module) => ({ default: module.ServicePage })),
);

export function App() {
  const route = useRoute();
  const screenKey = JSON.stringify(route);
  useSlashToSearch();
  // A new screen starts at its top, as a page load would.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [screenKey]);
  return (
    <AppShell route={route}>
      {route.screen === 'overview' && <OverviewPage />}
      {route.screen === 'service' && (
        <Suspense fallback={null}>
          <ServicePage key={route.serviceId} sid={route.serviceId} />
        </Suspense>
      )}
      {route.screen === 'connections' && (
        <ConnectionsPage
          key={route.serviceId ?? ''}
          {...(route.serviceId ? { initialService: route.serviceId } : {})}
        />
      )}
      {route.screen === 'settings' && <SettingsPage />}
    </AppShell>
  );
}
