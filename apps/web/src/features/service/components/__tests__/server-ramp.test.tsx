import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mergeSampleIntoTable } from '../../../../lib/live/apply-sample';
import { destination, service } from '../../../../testing/fixtures';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { ServersBoard } from '../servers-board';

const now = Date.now();
const ramping = destination('10.1.0.2', {
  weight: 6,
  ramp: { target: 12, weight: 6, startedAt: now - 2_000, endsAt: now + 3_000 },
});
const sorry = destination('10.1.0.9', { weight: 1, sorryServer: true });

describe('server-ramp', () => {
  it('shows a ramp in progress with its planned steps, and marks the sorry server', () => {
    renderWithProviders(
      <ServersBoard
        sid="tcp:10.0.0.1:80"
        service={service('10.0.0.1', { destinations: [ramping, sorry] })}
      />,
    );
    const card = screen.getByTestId('server-10.1.0.2:80');
    const ramp = within(card).getByTestId('ramp');
    expect(ramp).toHaveTextContent('ramping 6 → 12');
    expect(within(ramp).getByRole('img')).toHaveAttribute(
      'aria-label',
      'Slow-start ramp of 10.1.0.2:80: weight 6 of 12',
    );
    expect(within(card).queryByTestId('sorry-server')).toBeNull();
    const standIn = screen.getByTestId('server-10.1.0.9:80');
    expect(within(standIn).getByTestId('sorry-server')).toHaveTextContent('sorry server');
    expect(within(standIn).queryByTestId('ramp')).toBeNull();
  });

  it('takes a ramp from a sample and drops it when a sample says it ended (null)', () => {
    const plain = destination('10.1.0.2', { weight: 3 });
    const table = [service('10.0.0.1', { destinations: [plain] })];
    const entry = (ramp: typeof ramping.ramp | null) => ({
      type: 'sample' as const,
      at: now,
      full: false,
      totals: table[0]!.stats,
      services: [{ id: 'tcp:10.0.0.1:80', destinations: [{ id: '10.1.0.2:80', ramp }] }],
    });
    const started = mergeSampleIntoTable(table, entry(ramping.ramp));
    expect(started[0]!.destinations[0]!.ramp).toEqual(ramping.ramp);
    const ended = mergeSampleIntoTable(started, entry(null));
    expect(ended[0]!.destinations[0]!.ramp).toBeUndefined();
  });
});
