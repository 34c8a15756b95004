import { useSyncExternalStore } from 'react';

// A four-screen app needs no router library: the location hash names the screen (#/services/<sid>),
// which also keeps deep links working when the agent serves index.html at /.
export type Route =
  | { screen: 'overview' }
  | { screen: 'service'; serviceId: string }
  | { screen: 'connections'; serviceId?: string }
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const [, first, second] = path.split('/');
  if (first === 'services' && second) return { screen: 'service', serviceId: decodeURIComponent(second) };
  if (first === 'connections')
    return second
      ? { screen: 'connections', serviceId: decodeURIComponent(second) }
      : { screen: 'connections' };
  if (first === 'settings') return { screen: 'settings' };
  return { screen: 'overview' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'overview':
      return '#/';
    case 'service':
      return `#/services/${encodeURIComponent(route.serviceId)}`;
    case 'connections':
      return route.serviceId ? `#/connections/${encodeURIComponent(route.serviceId)}` : '#/connections';
    case 'settings':
      return '#/settings';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  return parseRoute(hash);
}
