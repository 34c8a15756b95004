import { useQuery } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serviceId, type DrainProgress } from '@ipvs-dashboard/shared';
import { servicesQueryOptions } from '../../../../lib/table/get-services';
import { destination, service } from '../../../../testing/fixtures';
import { jsonResponse, renderWithProviders } from '../../../../testing/render-with-providers';
import { drainedShare } from '../drain-progress';
import { ServersBoard } from '../servers-board';

const sid = 'tcp:10.0.0.1:80';
const T0 = 1_765_000_000_000;

const progress = (patch: Partial<DrainProgress> = {}): DrainProgress => ({
  then: 'remove',
  deadlineSeconds: 600,
  startedAt: T0,
  deadlineAt: T0 + 600_000,
  by: 'admin',
  atStart: { active: 80, inactive: 20, templates: 0 },
  now: { active: 10, inactive: 30, templates: 0 },
  left: 40,
  perSecond: 2,
  secondsLeft: 20,
  endsBy: 'drained',
  updatedAt: T0 + 30_000,
  ...patch,
});

function Board() {
  const { data } = useQuery(servicesQueryOptions());
  const current = data?.find((s) => serviceId(s.key) === sid);
  return current ? <ServersBoard sid={sid} service={current} /> : null;
}

const settings = (expire: number) => [
  { name: 'expire_quiescent_template', value: expire, min: 0, max: 1, description: '' },
];

describe('drain on the real-server card', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('measures how far it has come from what was there at the start', () => {
    expect(drainedShare(progress())).toBeCloseTo(0.6);
    expect(drainedShare(progress({ left: 150 }))).toBe(0);
    expect(drainedShare(progress({ atStart: { active: 0, inactive: 0, templates: 0 }, left: 0 }))).toBe(1);
  });

  it('shows a running drain: bar, counts, pace and estimate, and cancels it', async () => {
    const table = [
      service('10.0.0.1', { destinations: [destination('10.1.0.1', { weight: 0, drain: progress() })] }),
    ];
    const fetch = vi.fn((_url: string, init?: RequestInit) =>
      Promise.resolve(
        init?.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse(200, table),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<Board />, structuredClone(table));
    const card = screen.getByTestId('server-10.1.0.1:80');
    expect(within(card).getByText('Draining, then remove')).toBeInTheDocument();
    expect(within(card).getByTestId('drain-bar')).toHaveAttribute('value', '0.6');
    expect(within(card).getByTestId('drain-counts')).toHaveTextContent(
      '40 left of 100 at start: 10 active, 30 inactive, 0 templates',
    );
    expect(within(card).getByTestId('drain-estimate')).toHaveTextContent(
      '2.0 fewer per second · about 20 s left',
    );
    expect(within(card).queryByTestId('drain-action')).toBeNull();
    fireEvent.click(within(card).getByTestId('drain-cancel'));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true));
    const [url] = fetch.mock.calls.find(([, init]) => init?.method === 'DELETE')!;
    expect(url).toBe('/api/v1/services/tcp%3A10.0.0.1%3A80/destinations/10.1.0.1%3A80/drain');
  });

  it('disables unquiesce (the drag handle) and the weight of a draining server, saying why as the agent does', () => {
    const table = [
      service('10.0.0.1', {
        destinations: [
          destination('10.1.0.1', { weight: 0, drain: progress({ by: 'alice' }) }),
          destination('10.1.0.2', { weight: 5 }),
        ],
      }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(200, table))),
    );
    renderWithProviders(<Board />, structuredClone(table));
    const card = screen.getByTestId('server-10.1.0.1:80');
    const why =
      '10.1.0.1:80 is being drained (then remove the server, started by alice): it cannot be unquiesced or get a weight until the drain ends. Cancel the drain first.';
    const handle = within(card).getByLabelText('Move 10.1.0.1:80 between Active and Quiesced');
    expect(handle).toBeDisabled();
    expect(handle).toHaveAttribute('title', why);
    const weight = within(card).getByLabelText('Weight');
    expect(weight).toBeDisabled();
    expect(weight).toHaveAttribute('title', why);
    expect(within(card).getByLabelText('Upper threshold (0 = none)')).toBeEnabled();
    const other = screen.getByTestId('server-10.1.0.2:80');
    expect(within(other).getByLabelText('Move 10.1.0.2:80 between Active and Quiesced')).toBeEnabled();
    expect(within(other).getByLabelText('Weight')).toBeEnabled();
  });

  it('says when nothing declines that only the deadline will end it', () => {
    const stalled = progress({
      perSecond: 0,
      secondsLeft: null,
      endsBy: 'deadline',
      now: { active: 0, inactive: 0, templates: 40 },
    });
    const table = [
      service('10.0.0.1', { destinations: [destination('10.1.0.1', { weight: 0, drain: stalled })] }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(200, table))),
    );
    renderWithProviders(<Board />, structuredClone(table));
    expect(screen.getByTestId('drain-estimate')).toHaveTextContent(
      'not going down yet; deadline in 9 min 30 s',
    );
  });

  it('warns before a drain of a persistent service while expire_quiescent_template is 0, and starts it anyway', async () => {
    const table = [
      service('10.0.0.1', { persistence: 300, destinations: [destination('10.1.0.1', { weight: 5 })] }),
    ];
    const fetch = vi.fn((url: string, init?: RequestInit) => {
      if (url.endsWith('/kernel-settings')) return Promise.resolve(jsonResponse(200, settings(0)));
      if (init?.method === 'POST')
        return Promise.resolve(jsonResponse(201, { drain: progress(), warning: null, commands: [] }));
      return Promise.resolve(jsonResponse(200, table));
    });
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<Board />, structuredClone(table));
    const card = screen.getByTestId('server-10.1.0.1:80');
    const action = within(card).getByTestId('drain-action');
    fireEvent.click(within(action).getByText('Drain'));
    (action as HTMLDetailsElement).open = true;
    fireEvent(action, new Event('toggle'));
    expect(await within(card).findByTestId('drain-warning')).toHaveTextContent(
      'sysctl -w net.ipv4.vs.expire_quiescent_template=1',
    );
    expect(within(action).getAllByLabelText('Equivalent command').at(-1)).toHaveTextContent(
      'ipvsadm -e -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 0 ipvsadm -d -t 10.0.0.1:80 -r 10.1.0.1:80',
    );
    fireEvent.change(within(action).getByLabelText('At the end'), { target: { value: 'keep' } });
    fireEvent.change(within(action).getByLabelText('Deadline (seconds)'), { target: { value: '90' } });
    fireEvent.click(within(action).getByText('Start drain anyway'));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true));
    const [, init] = fetch.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(JSON.parse(init?.body as string)).toEqual({ then: 'keep', deadlineSeconds: 90 });
  });

  it('does not warn when the sysctl is 1', async () => {
    const table = [
      service('10.0.0.1', { persistence: 300, destinations: [destination('10.1.0.1', { weight: 5 })] }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(jsonResponse(200, url.endsWith('/kernel-settings') ? settings(1) : table)),
      ),
    );
    renderWithProviders(<Board />, structuredClone(table));
    const action = screen.getByTestId<HTMLDetailsElement>('drain-action');
    action.open = true;
    fireEvent(action, new Event('toggle'));
    expect(await within(action).findByText('Start drain')).toBeInTheDocument();
    expect(within(action).queryByTestId('drain-warning')).toBeNull();
  });
});
