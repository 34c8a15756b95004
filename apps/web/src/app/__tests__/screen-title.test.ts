import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n/i18n-context';
import { screenTitle } from '../screen-title';

describe('screen-title', () => {
  it('gives every screen its own tab title, the service page its service', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('en', key);
    const titles = [
      screenTitle({ screen: 'overview' }, t),
      screenTitle({ screen: 'service', serviceId: 'tcp:10.0.0.10:80' }, t),
      screenTitle({ screen: 'connections' }, t),
      screenTitle({ screen: 'settings' }, t),
    ];
    expect(titles).toEqual(['Virtual services', 'TCP 10.0.0.10:80', 'Connections', 'Settings']);
    expect(screenTitle({ screen: 'service', serviceId: 'nonsense' }, t)).toBe('nonsense');
  });
});
