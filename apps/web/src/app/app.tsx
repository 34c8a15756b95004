import { Suspense, lazy, useEffect } from 'react';
import { AppShell } from './app-shell';
import { ChangeNoticeToast } from '../components/change-notice';
import { InterruptedChangeBanner } from '../components/interrupted-change-banner';
import { RoleNotice } from '../components/role-notice';
import { ActivityPage } from '../features/activity';
import { ConnectionsPage } from '../features/connections';
import { FleetPage, PairView } from '../features/fleet';
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
      {/* On every screen: a change the agent could not finish, and Undo for the one made here last. */}
      <InterruptedChangeBanner />
      <RoleNotice />
      {route.screen === 'overview' && <OverviewPage />}
      {route.screen === 'service' && (
        <Suspense fallback={null}>
          <ServicePage key={route.serviceId} sid={route.serviceId} />
        </Suspense>
      )}
      {route.screen === 'connections' && (
        <ConnectionsPage service={route.serviceId} view={route.view ?? {}} />
      )}
      {route.screen === 'activity' && (
        <ActivityPage
          {...(route.service ? { service: route.service } : {})}
          {...(route.source ? { source: route.source } : {})}
        />
      )}
      {route.screen === 'settings' && <SettingsPage />}
      {route.screen === 'fleet' && (route.pair ? <PairView pair={route.pair} /> : <FleetPage />)}
      <ChangeNoticeToast />
    </AppShell>
  );
}
