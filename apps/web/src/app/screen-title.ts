import { parseServiceId } from '@ipvs-dashboard/shared';
import type { Translate } from '../lib/i18n/i18n-context';
import type { Route } from '../lib/router/hash-router';
import { serviceTitle } from '../lib/table/service-label';

/** What the tab says the screen is: the service itself ("TCP 10.0.0.10:80") on a service page. */
export function screenTitle(route: Route, t: Translate): string {
  switch (route.screen) {
    case 'overview':
      return t('overview.title');
    case 'service':
      try {
        return serviceTitle(parseServiceId(route.serviceId));
      } catch {
        return route.serviceId;
      }
    case 'connections':
      return t('connections.title');
    case 'activity':
      return t('nav.activity');
    case 'settings':
      return t('nav.settings');
    case 'fleet':
      return t('fleet.title');
  }
}
