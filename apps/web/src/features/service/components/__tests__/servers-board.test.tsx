import { useQuery } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serviceId } from '@ipvs-dashboard/shared';
import { servicesQueryKey, servicesQueryOptions } from '../../../../lib/table/get-services';
import { destination, service, zeroStats } from '../../../../testing/fixtures';
import { jsonResponse, renderWithProviders } from '../../../../testing/render-with-providers';
import { ServersBoard } from '../servers-board';

const table = [
  service('10.0.0.1', {
    destinations: [
      destination('10.1.0.1', { weight: 3, activeConns: 4 }),
      destination('10.1.0.2', { weight: 0, activeConns: 2, inactiveConns: 1 }),
      destination('10.1.0.3', { weight: 0 }),
    ],
  }),
];
const sid = 'tcp:10.0.0.1:80';

/** The board as the service page shows it: reading the cached table, so optimistic updates are visible. */
function Board() {
  const { data } = useQuery(servicesQueryOptions());
  const current = data?.find((s) => serviceId(s.key) === sid);
  return current ? <ServersBoard sid={sid} service={current} /> : null;
}

describe('servers-board', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it("shows each real server's --stats counters the operator picks, with the exact count on hover", () => {
    const counted = [
      service('10.0.0.1', {
        destinations: [destination('10.1.0.1', { stats: { ...zeroStats, conns: 7, outPackets: 123_456 } })],
      }),
    ];
    renderWithProviders(<Board />, counted);
    const card = screen.getByTestId('server-10.1.0.1:80');
    expect(within(card).queryByText('Packets out')).toBeNull();
    fireEvent.click(screen.getByText(/^Columns/));
    fireEvent.click(screen.getByLabelText('Packets out'));
    fireEvent.click(screen.getByLabelText('Connections total'));
    const packets = card.querySelector('[data-column="outPackets"]');
    expect(packets).toHaveTextContent('Packets out123 k');
    expect(packets?.querySelector('dd')).toHaveAttribute('title', '123,456');
    expect(card.querySelector('[data-column="conns"]')).toHaveTextContent('Connections total7');
  });

  it('a new sample updates the card of the server that moved (cards are memoised on their own row)', async () => {
    const { queryClient } = renderWithProviders(<Board />, structuredClone(table));
    const [current] = queryClient.getQueryData<typeof table>(servicesQueryKey) ?? [];
    if (!current) throw new Error('no table');
    const [moved, ...idle] = current.destinations;
    if (!moved) throw new Error('no server');
    // What apply-sample does: a new object for the server whose numbers moved, the same ones for the rest.
    queryClient.setQueryData(servicesQueryKey, [
      { ...current, destinations: [{ ...moved, activeConns: 9_876 }, ...idle] },
    ]);
    await waitFor(() => expect(screen.getByTestId('server-10.1.0.1:80')).toHaveTextContent('9,876'));
    expect(screen.getByTestId('server-10.1.0.2:80')).toHaveTextContent('draining');
  });

  it('shows servers in their lanes, draining ones with their connections and empty ones as drained', () => {
    renderWithProviders(<Board />, structuredClone(table));
    const active = screen.getByTestId('lane-active');
    const quiesced = screen.getByTestId('lane-quiesced');
    expect(within(active).getByText('10.1.0.1:80')).toBeInTheDocument();
    expect(within(quiesced).getByTestId('server-10.1.0.2:80')).toHaveTextContent('draining');
    expect(within(quiesced).getByTestId('server-10.1.0.3:80')).toHaveTextContent('drained');
  });

  it('marks an overloaded server in Active and says why it takes no new connections', () => {
    // The reported case: weight 5, upper threshold 100, ~1,100 inactive connections.
    const overloaded = [
      service('10.0.0.1', {
        destinations: [
          destination('10.1.0.1', { weight: 5, upperThreshold: 100, inactiveConns: 1100, overloaded: true }),
          destination('10.1.0.2', { weight: 5, upperThreshold: 100, inactiveConns: 50 }),
        ],
      }),
    ];
    renderWithProviders(<Board />, overloaded);
    const card = within(screen.getByTestId('lane-active')).getByTestId('server-10.1.0.1:80');
    expect(within(card).getByTestId('overloaded')).toHaveTextContent('overloaded');
    expect(within(card).getByTestId('overloaded-why')).toHaveTextContent(
      'Takes no new connections: active + inactive reached the upper threshold 100 (now 1,100). New ones resume below 75.',
    );
    expect(within(screen.getByTestId('server-10.1.0.2:80')).queryByTestId('overloaded')).toBeNull();
  });

  it('takes a GUE-tunnelled server to direct routing in one edit, sending no stale tunnel options', async () => {
    const gue = [
      service('10.0.0.1', {
        destinations: [
          destination('10.1.0.1', {
            forwarding: 'tunnel',
            tunnelType: 'gue',
            tunnelPort: 6080,
            tunnelChecksum: 'remcsum',
          }),
        ],
      }),
    ];
    const fetch = vi.fn((_url: string, init?: RequestInit) =>
      Promise.resolve(jsonResponse(200, init?.method === 'PATCH' ? {} : gue)),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<Board />, structuredClone(gue));
    const card = screen.getByTestId('server-10.1.0.1:80');
    fireEvent.click(within(card).getByText('Weight, thresholds and forwarding'));
    fireEvent.change(within(card).getByLabelText('Forwarding'), { target: { value: 'route' } });
    expect(within(card).queryByLabelText('Tunnel port')).toBeNull();
    expect(within(card).getByLabelText('Equivalent command')).toHaveTextContent(
      /^ipvsadm -e -t 10\.0\.0\.1:80 -r 10\.1\.0\.1:80 -g -w 1$/,
    );
    fireEvent.click(within(card).getByText('Apply'));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(true));
    const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH')?.[1];
    expect(JSON.parse(patch?.body as string)).toMatchObject({
      forwarding: 'route',
      tunnelType: 'ipip',
      tunnelPort: 0,
      tunnelChecksum: 'nocsum',
    });
  });

  it('shows a new weight at once and rolls it back with the agent’s words when refused', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetch = vi.fn((url: string, init?: RequestInit) => {
      if (init?.method === 'PATCH') return new Promise<Response>((resolve) => (answer = resolve));
      return Promise.resolve(jsonResponse(200, table));
    });
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<Board />, structuredClone(table));
    const card = screen.getByTestId('server-10.1.0.1:80');
    fireEvent.click(within(card).getByText('Weight, thresholds and forwarding'));
    fireEvent.change(within(card).getByLabelText('Weight'), { target: { value: '70' } });
    fireEvent.click(within(card).getByText('Apply'));
    await waitFor(() =>
      expect(within(screen.getByTestId('server-10.1.0.1:80')).getByTestId('weight')).toHaveTextContent(
        'weight 70',
      ),
    );
    expect(fetch).toHaveBeenCalledWith(
      '/api/v1/services/tcp%3A10.0.0.1%3A80/destinations/10.1.0.1%3A80',
      expect.objectContaining({ method: 'PATCH' }),
    );
    answer(
      jsonResponse(400, {
        error: { code: 'OUT_OF_RANGE', message: 'weight: must be at most 65535 here', field: 'weight' },
      }),
    );
    await waitFor(() =>
      expect(within(screen.getByTestId('server-10.1.0.1:80')).getByTestId('weight')).toHaveTextContent(
        'weight 3',
      ),
    );
    const weightInput = within(screen.getByTestId('server-10.1.0.1:80')).getByLabelText('Weight');
    expect(weightInput).toHaveValue('70');
    expect(weightInput).toHaveAttribute('aria-invalid', 'true');
    // Next to the weight, without the API's field name in front.
    const alert = within(screen.getByTestId('server-10.1.0.1:80')).getByRole('alert');
    expect(alert).toHaveTextContent('must be at most 65535 here');
    expect(alert).not.toHaveTextContent('weight:');
  });
});
