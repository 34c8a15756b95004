import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InfoResponse, TableOwner } from '@ipvs-dashboard/shared';
import { stubFetch } from '../../testing/fetch-stub';
import { renderWithProviders } from '../../testing/render-with-providers';
import { ServiceOwnerBanner, TableOwnersBanner } from '../owner-banner';

const keepalived: TableOwner = {
  name: 'keepalived',
  pid: 812,
  config: '/etc/keepalived/keepalived.conf',
  services: ['tcp:10.0.0.1:80', 'tcp:10.0.0.2:80'],
  vrrp: [{ instance: 'VI_1', configuredState: 'backup', state: 'master', virtualAddresses: ['10.0.0.100'] }],
  note: null,
};

const info = (owners: TableOwner[]): InfoResponse => ({
  backend: 'kernel',
  backendReason: null,
  version: '1.2.1',
  connTableSize: 4096,
  schedulers: ['rr', 'wlc'],
  persistenceEngines: ['sip'],
  tunnelTypes: ['ipip', 'gue', 'gre'],
  addressFamilies: ['inet', 'inet6'],
  intervalMs: 1000,
  interruptedChange: null,
  owners,
  prometheus: null,
});

const serve = (owners: TableOwner[]) =>
  stubFetch((method, url) =>
    method === 'GET' && url === '/api/v1/info' ? { status: 200, body: info(owners) } : undefined,
  );

describe('owner-banner', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("warns on a managed service's page, names the config to edit and the VRRP state", async () => {
    serve([keepalived]);
    renderWithProviders(<ServiceOwnerBanner sid="tcp:10.0.0.1:80" />);
    const banner = await screen.findByTestId('owner-banner');
    expect(banner).toHaveTextContent('keepalived also manages this table.');
    expect(banner).toHaveTextContent('keepalived (pid 812) manages this service');
    expect(banner).toHaveTextContent('/etc/keepalived/keepalived.conf');
    expect(banner).toHaveTextContent('VRRP VI_1: this director is MASTER (it holds 10.0.0.100).');
  });

  it('says nothing on the page of a service nobody else manages', async () => {
    const fetch = serve([keepalived]);
    renderWithProviders(<ServiceOwnerBanner sid="tcp:10.0.0.9:80" />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('owner-banner')).toBeNull();
  });

  it('counts the managed services on the overview, and says when one program holds them all', async () => {
    serve([keepalived, { ...keepalived, name: 'kube-proxy', pid: 900, services: 'all', vrrp: [] }]);
    renderWithProviders(
      <TableOwnersBanner serviceIds={['tcp:10.0.0.1:80', 'tcp:10.0.0.2:80', 'udp:10.0.0.3:53']} />,
    );
    const banners = await screen.findAllByTestId('owner-banner');
    expect(banners[0]).toHaveTextContent('manages 2 of these services');
    expect(banners[1]).toHaveTextContent('kube-proxy (pid 900) manages every IPVS service on this host');
  });
});
