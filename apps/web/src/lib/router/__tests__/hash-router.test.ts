import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../hash-router';

describe('hash-router', () => {
  it('keeps the Activity filters in the hash and reads them back', () => {
    const routes: Route[] = [
      { screen: 'activity' },
      { screen: 'activity', service: 'tcp:[2001:db8::1]:80' },
      { screen: 'activity', source: 'external' },
      { screen: 'activity', service: 'fwmark:7', source: 'api' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
    expect(routeHref({ screen: 'activity', service: 'tcp:10.0.0.1:80', source: 'api' })).toBe(
      '#/activity?service=tcp%3A10.0.0.1%3A80&source=api',
    );
  });

  it('ignores a source it does not know, and still reads the other screens', () => {
    expect(parseRoute('#/activity?source=somebody')).toEqual({ screen: 'activity' });
    expect(parseRoute('#/services/tcp%3A10.0.0.1%3A80')).toEqual({
      screen: 'service',
      serviceId: 'tcp:10.0.0.1:80',
    });
    expect(parseRoute('#/settings')).toEqual({ screen: 'settings' });
  });
});

describe('connections route', () => {
  it('keeps service, filters, search, sort and page in the hash and reads them back', () => {
    const routes: Route[] = [
      { screen: 'connections' },
      { screen: 'connections', serviceId: 'fwmark:100' },
      {
        screen: 'connections',
        serviceId: 'tcp:[2001:db8::1]:80',
        view: {
          destination: '[2001:db8::10]:80',
          state: 'ESTABLISHED',
          search: '10.0.0.7:51234',
          searchIn: 'client',
          sort: 'expires',
          order: 'desc',
          templates: 'hide',
          page: 3,
        },
      },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
    expect(routeHref({ screen: 'connections', view: { search: ':443', sort: 'client', page: 2 } })).toBe(
      '#/connections?search=%3A443&sort=client&page=2',
    );
  });

  it('drops what the screen does not know instead of asking the agent for it', () => {
    expect(parseRoute('#/connections?sort=age&order=sideways&templates=first&page=-2&searchIn=any')).toEqual({
      screen: 'connections',
    });
    // An order without a column to sort by means nothing.
    expect(parseRoute('#/connections?order=desc')).toEqual({ screen: 'connections' });
  });
});
