import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncDaemon } from '@ipvs-dashboard/shared';
import { requestsOf, stubFetch } from '../../../../testing/fetch-stub';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { DaemonsCard } from '../daemons-card';

const running: SyncDaemon = {
  state: 'master',
  interface: 'eth0',
  syncId: 0,
  maxLen: 1472,
  group: '224.0.0.81',
  port: 8848,
  ttl: 1,
};

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('daemons-card', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a running daemon with every option, as ipvsadm -L --daemon prints it', async () => {
    stubFetch((method, url) => (url === '/api/v1/daemons' ? { status: 200, body: [running] } : undefined));
    renderWithProviders(<DaemonsCard />);
    expect(
      await screen.findByText(
        'master sync daemon (mcast=eth0, syncid=0, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)',
      ),
    ).toBeVisible();
  });

  it('sends the multicast options typed in and shows them in the ipvsadm command; empty ones are left to the kernel', async () => {
    const fetch = stubFetch((method, url) => {
      if (url !== '/api/v1/daemons') return undefined;
      return method === 'POST' ? { status: 201, body: [] } : { status: 200, body: [] };
    });
    renderWithProviders(<DaemonsCard />);
    expect(screen.getByText('ipvsadm --start-daemon master --mcast-interface eth0 --syncid 0')).toBeVisible();
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'backup' } });
    type('Max sync message (bytes)', '1400');
    type('Multicast group', '239.1.2.3');
    type('Multicast port', '8849');
    type('Multicast TTL', '3');
    expect(
      screen.getByText(
        'ipvsadm --start-daemon backup --mcast-interface eth0 --syncid 0 --sync-maxlen 1400 --mcast-group 239.1.2.3 --mcast-port 8849 --mcast-ttl 3',
      ),
    ).toBeVisible();
    type('Multicast TTL', '');
    fireEvent.click(screen.getByRole('button', { name: 'Start daemon' }));
    await waitFor(() =>
      expect(requestsOf(fetch)).toContain(
        'POST /api/v1/daemons {"state":"backup","interface":"eth0","syncId":0,"maxLen":1400,"group":"239.1.2.3","port":8849}',
      ),
    );
  });

  it('says a group that is not multicast is wrong under its field, without asking the agent', async () => {
    const fetch = stubFetch((method, url) =>
      url === '/api/v1/daemons' && method === 'GET' ? { status: 200, body: [] } : undefined,
    );
    renderWithProviders(<DaemonsCard />);
    type('Multicast group', '10.0.0.1');
    fireEvent.click(screen.getByRole('button', { name: 'Start daemon' }));
    expect(
      await screen.findByText('10.0.0.1 is not a multicast address (224.0.0.0/4 or ff00::/8)'),
    ).toBeVisible();
    expect(screen.getByLabelText('Multicast group')).toHaveAttribute('aria-invalid', 'true');
    expect(requestsOf(fetch).filter((request) => request.startsWith('POST'))).toEqual([]);
  });

  it("shows the agent's sentence under the field it is about", async () => {
    const message = 'interface: no interface named eth9 on this machine';
    stubFetch((method, url) => {
      if (url !== '/api/v1/daemons') return undefined;
      if (method === 'GET') return { status: 200, body: [] };
      return { status: 400, body: { error: { code: 'NO_SUCH_INTERFACE', message, field: 'interface' } } };
    });
    renderWithProviders(<DaemonsCard />);
    type('Multicast interface', 'eth9');
    fireEvent.click(screen.getByRole('button', { name: 'Start daemon' }));
    expect(await screen.findByText('no interface named eth9 on this machine')).toBeVisible();
    expect(screen.getByLabelText('Multicast interface')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
