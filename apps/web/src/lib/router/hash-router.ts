import { useSyncExternalStore } from 'react';

// A five-screen app needs no router library: the location hash names the screen (#/services/<sid>),
// which also keeps deep links working when the agent serves index.html at /. Filters that a link should
// keep ride after a '?' (#/activity?service=<sid>&source=api).
export type ChangeSource = 'api' | 'external';

export type Route =
  | { screen: 'overview' }
  | { screen: 'service'; serviceId: string }
  | { screen: 'connections'; serviceId?: string }
  | { screen: 'activity'; service?: string; source?: ChangeSource }
  | { screen: 'settings' };

function activityRoute(query: string): Route {
  const params = new URLSearchParams(query);
  const service = params.get('service');
  const source = params.get('source');
  return {
    screen: 'activity',
    ...(service ? { service } : {}),
    ...(source === 'api' || source === 'external' ? { source } : {}),
  };
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const [, first, second] = path.split('/');
  if (first === 'activity') return activityRoute(query);
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
    case 'activity': {
      const params = new URLSearchParams();
      if (route.service) params.set('service', route.service);
      if (route.source) params.set('source', route.source);
      const query = params.toString();
      return query ? `#/activity?${query}` : '#/activity';
    }
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
