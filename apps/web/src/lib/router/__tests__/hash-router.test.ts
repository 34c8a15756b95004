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
