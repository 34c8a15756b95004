import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../../lib/i18n/i18n-context';
import { destination, service } from '../../../../testing/fixtures';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { ageText, holdsText } from '../hold-text';
import { ServersBoard } from '../servers-board';

const now = Date.now();
const held = destination('10.1.0.2', {
  weight: 0,
  holds: [{ kind: 'health', since: now - 12_000, reason: 'connect refused' }],
  health: {
    state: 'down',
    since: now - 12_000,
    lastResult: { ok: false, ms: 1.4, detail: 'connect refused', at: now },
  },
});
const healthy = destination('10.1.0.1', {
  weight: 3,
  holds: [],
  health: { state: 'up', since: now - 60_000, lastResult: { ok: true, ms: 3, detail: '200 OK', at: now } },
});

describe('server-health', () => {
  it('shows the health dot and why a held server is out', () => {
    renderWithProviders(
      <ServersBoard sid="tcp:10.0.0.1:80" service={service('10.0.0.1', { destinations: [healthy, held] })} />,
    );
    const card = screen.getByTestId('server-10.1.0.2:80');
    expect(within(card).getByTestId('health')).toHaveAttribute('data-state', 'down');
    expect(within(card).getByTestId('health')).toHaveAttribute(
      'title',
      'health check: down; last check: connect refused in 1 ms',
    );
    expect(within(card).getByTestId('held-by')).toHaveTextContent(
      /^held by: health \(connect refused, 1[23] s\)$/,
    );
    const up = screen.getByTestId('server-10.1.0.1:80');
    expect(within(up).getByTestId('health')).toHaveAttribute('data-state', 'up');
    expect(within(up).queryByTestId('held-by')).toBeNull();
  });

  it('says it in Korean too, and ages in s, min and h', () => {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate('ko', key, params);
    const holds = [
      { kind: 'operator' as const, since: now - 180_000, reason: 'quiesced by admin' },
      { kind: 'health' as const, since: now - 12_000, reason: 'connect refused' },
    ];
    expect(t('server.heldBy', { holds: holdsText(holds, t, now) })).toBe(
      '제외 사유: 운영자 (quiesced by admin, 3 min); 헬스 체크 (connect refused, 12 s)',
    );
    expect([
      ageText(now - 5_000, now),
      ageText(now - 600_000, now),
      ageText(now - 3 * 3_600_000, now),
    ]).toEqual(['5 s', '10 min', '3 h']);
  });
});
