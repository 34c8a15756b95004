import { AppShell } from './app-shell';
import { ConnectionsPage } from '../features/connections/components/connections-page';
import { OverviewPage } from '../features/overview/components/overview-page';
import { ServicePage } from '../features/service/components/service-page';
import { SettingsPage } from '../features/settings/components/settings-page';
import { useRoute } from '../lib/router/hash-router';

export function App() {
  const route = useRoute();
  return (
    <AppShell route={route}>
      {route.screen === 'overview' && <OverviewPage />}
      {route.screen === 'service' && <ServicePage key={route.serviceId} sid={route.serviceId} />}
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
