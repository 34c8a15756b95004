import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../../testing/render-with-providers';
import { TotalsBar } from '../totals-bar';

const point = (at: number, cps: number) => ({
  at,
  cps,
  inPps: 0,
  outPps: 0,
  inBps: 0,
  outBps: 0,
  activeConns: 0,
  inactiveConns: 0,
});

describe('totals-bar', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("draws the Connections/s sparkline at once from the agent's history, summed over the services", async () => {
    const fetch = vi.fn((url: string) =>
      Promise.resolve(
        url.startsWith('/api/v1/history')
          ? jsonResponse(200, {
              intervalMs: 1000,
              services: [
                {
                  id: 'tcp:10.0.0.1:80',
                  points: [point(1000, 4), point(2000, 6), point(3000, 5)],
                  destinations: [],
                },
                {
                  id: 'tcp:10.0.0.2:80',
                  points: [point(1000, 1), point(2000, 1), point(3000, 1)],
                  destinations: [],
                },
              ],
            })
          : jsonResponse(404, {}),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<TotalsBar services={[]} />);
    const sparkline = screen.getByRole('img', { name: 'Connections/s' });
    await waitFor(() => expect(sparkline.querySelector('polyline')?.getAttribute('points')).not.toBe(''));
    expect(fetch).toHaveBeenCalledWith('/api/v1/history?points=60&destinations=0', expect.anything());
    // 5, 7, 6: the middle point is the highest, at the top of the 24 px box.
    const ys = (sparkline.querySelector('polyline')?.getAttribute('points') ?? '')
      .split(' ')
      .map((pair) => Number(pair.split(',')[1]));
    expect(ys).toHaveLength(3);
    expect(Math.min(...ys)).toBe(ys[1]);
  });
});
