import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryRangeResponse, PrometheusInfo } from '@ipvs-dashboard/shared';
import { requestsOf, stubFetch } from '../../../../testing/fetch-stub';
import { destination, service } from '../../../../testing/fixtures';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { RateCharts } from '../rate-charts';

const sid = 'tcp:10.0.0.1:80';
const web = service('10.0.0.1', { destinations: [destination('10.0.1.1')] });
const point = (at: number, cps: number) => ({
  at,
  cps,
  inPps: 0,
  outPps: 0,
  inBps: 0,
  outBps: 0,
  activeConns: 1,
  inactiveConns: 0,
});
const to = Date.UTC(2026, 11, 7, 12, 0, 0);
const week: HistoryRangeResponse = {
  from: to - 7 * 86_400_000,
  to,
  stepMs: 1_800_000,
  rateWindowMs: 1_800_000,
  joinAt: to,
  services: [
    { id: sid, points: [point(to - 3_600_000, 4), point(to - 1_800_000, 5), point(to, 6)], destinations: [] },
  ],
};

function serve(prometheus: PrometheusInfo | null) {
  return stubFetch((method, url) => {
    if (url === '/api/v1/info') return { status: 200, body: { prometheus } };
    if (url.startsWith('/api/v1/history/range?')) return { status: 200, body: week };
    if (url.startsWith('/api/v1/history?')) return { status: 200, body: { intervalMs: 1000, services: [] } };
    if (url.startsWith('/api/v1/changes?')) return { status: 200, body: { items: [], next: null } };
    return method === 'GET' ? undefined : undefined;
  });
}

describe('rate-charts ranges', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('without Prometheus offers only the live minutes, and says in one line how to connect one', async () => {
    serve(null);
    renderWithProviders(<RateCharts service={web} sid={sid} />);
    expect(await screen.findByTestId('prometheus-hint')).toHaveTextContent('--prometheus-url');
    const group = screen.getByRole('group', { name: 'Time window' });
    expect([...group.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      '1 min',
      '5 min',
      '15 min',
    ]);
  });

  it('with Prometheus offers 1 h to 7 days; 7 days asks the agent for the range and marks the join', async () => {
    const fetch = serve({ selector: '{job="ipvs-dashboard"}' });
    renderWithProviders(<RateCharts service={web} sid={sid} />);
    fireEvent.click(await screen.findByRole('button', { name: '7 days' }));
    expect(await screen.findByText(/Dashed line: Prometheus before it/)).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain(
      `GET /api/v1/history/range?service=${encodeURIComponent(sid)}&range=7d`,
    );
    expect(screen.getByTestId('rate-charts')).toHaveAttribute('data-join', String(to));
    expect(screen.queryByTestId('prometheus-hint')).toBeNull();
    const buttons = [...screen.getByRole('group', { name: 'Time window' }).querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent)).toEqual([
      '1 min',
      '5 min',
      '15 min',
      '1 h',
      '6 h',
      '24 h',
      '7 days',
      'Choose…',
    ]);
  });
});
