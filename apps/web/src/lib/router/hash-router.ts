import { useSyncExternalStore } from 'react';
import { connectionsViewQuery, parseConnectionsView, type ConnectionsView } from './connections-route';

// A six-screen app needs no router library: the location hash names the screen (#/services/<sid>),
// which also keeps deep links working when the agent serves index.html at /. Filters that a link should
// keep ride after a '?' (#/activity?service=<sid>&source=api).
export type ChangeSource = 'api' | 'external';

export type Route =
  | { screen: 'overview' }
  | { screen: 'service'; serviceId: string }
  | { screen: 'connections'; serviceId?: string; view?: ConnectionsView }
  | { screen: 'activity'; service?: string; source?: ChangeSource }
  | { screen: 'settings' }
  | { screen: 'fleet'; pair?: string };

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
  if (first === 'connections') {
    const view = parseConnectionsView(query);
    return {
      screen: 'connections',
      ...(second ? { serviceId: decodeURIComponent(second) } : {}),
      ...(Object.keys(view).length > 0 ? { view } : {}),
    };
  }
  if (first === 'settings') return { screen: 'settings' };
  if (first === 'fleet') {
    const pair = path.split('/')[3];
    return second === 'pair' && pair
      ? { screen: 'fleet', pair: decodeURIComponent(pair) }
      : { screen: 'fleet' };
  }
  return { screen: 'overview' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'overview':
      return '#/';
    case 'service':
      return `#/services/${encodeURIComponent(route.serviceId)}`;
    case 'connections': {
      const path = route.serviceId ? `#/connections/${encodeURIComponent(route.serviceId)}` : '#/connections';
      const query = route.view ? connectionsViewQuery(route.view) : '';
      return query ? `${path}?${query}` : path;
    }
    case 'activity': {
      const params = new URLSearchParams();
      if (route.service) params.set('service', route.service);
      if (route.source) params.set('source', route.source);
      const query = params.toString();
      return query ? `#/activity?${query}` : '#/activity';
    }
    case 'settings':
      return '#/settings';
    case 'fleet':
      return route.pair ? `#/fleet/pair/${encodeURIComponent(route.pair)}` : '#/fleet';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/**
 * The route changed in place, with no new history entry: for a search being typed, where each key
 * would otherwise be a step of the Back button. replaceState fires no hashchange, so send one.
 */
export function replaceRoute(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash === href) return;
  window.history.replaceState(window.history.state, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
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
