import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../../testing/render-with-providers';
import { AddServerForm } from '../add-server-form';

/** What the form reads on its own (what the kernel has, who is signed in); every other call is a change. */
const reads = ['/api/v1/info', '/api/v1/session'];
const serviceKey = { protocol: 'tcp' as const, address: '10.0.0.1', port: 80 };

describe('add-server-form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('adds a GUE tunnel real server with its port, checksum and thresholds in one step', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(jsonResponse(201, {})));
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<AddServerForm sid="tcp:10.0.0.1:80" serviceKey={serviceKey} />);
    fireEvent.change(screen.getByLabelText('Real server IP'), { target: { value: '10.1.0.9' } });
    fireEvent.change(screen.getByLabelText('Upper threshold (0 = none)'), { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Lower threshold'), { target: { value: '400' } });
    expect(screen.queryByLabelText('Tunnel type')).toBeNull(); // only for tunnel forwarding
    fireEvent.change(screen.getByLabelText('Forwarding'), { target: { value: 'tunnel' } });
    fireEvent.change(screen.getByLabelText('Tunnel type'), { target: { value: 'gue' } });
    fireEvent.change(screen.getByLabelText('Tunnel port'), { target: { value: '6080' } });
    fireEvent.change(screen.getByLabelText('Tunnel checksum'), { target: { value: 'csum' } });
    expect(
      screen.getByText(
        'ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.9:80 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum -x 500 -y 400',
      ),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByText('Add server'));
    // The form also asks GET /info what the kernel has, and GET /session who may add: wait for the POST.
    const posted = () => fetch.mock.calls.find(([called]) => !reads.includes(called));
    await waitFor(() => expect(posted()).toBeDefined());
    const [url, init] = posted() ?? [];
    expect(url).toBe('/api/v1/services/tcp%3A10.0.0.1%3A80/destinations');
    expect(JSON.parse(init?.body as string)).toMatchObject({
      address: '10.1.0.9',
      forwarding: 'tunnel',
      tunnelType: 'gue',
      tunnelPort: 6080,
      tunnelChecksum: 'csum',
      upperThreshold: 500,
      lowerThreshold: 400,
    });
  });

  it('offers only the tunnel types this kernel has (a 4.19 kernel: ipip only)', async () => {
    const info = {
      schedulers: ['rr'],
      persistenceEngines: [],
      tunnelTypes: ['ipip'],
      addressFamilies: ['inet'],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(jsonResponse(url === '/api/v1/info' ? 200 : 201, url === '/api/v1/info' ? info : {})),
      ),
    );
    renderWithProviders(<AddServerForm sid="tcp:10.0.0.1:80" serviceKey={serviceKey} />);
    fireEvent.change(screen.getByLabelText('Forwarding'), { target: { value: 'tunnel' } });
    await waitFor(() =>
      expect(screen.getByRole('option', { name: 'gre (not in this kernel)' })).toBeDisabled(),
    );
    expect(screen.getByRole('option', { name: 'gue (not in this kernel)' })).toBeDisabled();
    expect(screen.getByRole('option', { name: 'ipip' })).toBeEnabled();
  });

  it('sends no tunnel settings for a masquerading server, even after tunnel fields were touched', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(jsonResponse(201, {})));
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<AddServerForm sid="tcp:10.0.0.1:80" serviceKey={serviceKey} />);
    fireEvent.change(screen.getByLabelText('Real server IP'), { target: { value: '10.1.0.9' } });
    fireEvent.change(screen.getByLabelText('Forwarding'), { target: { value: 'tunnel' } });
    fireEvent.change(screen.getByLabelText('Tunnel type'), { target: { value: 'gre' } });
    fireEvent.change(screen.getByLabelText('Forwarding'), { target: { value: 'masq' } });
    fireEvent.click(screen.getByText('Add server'));
    // The form also asks GET /info what the kernel has, and GET /session who may add: wait for the POST.
    const posted = () => fetch.mock.calls.find(([called]) => !reads.includes(called));
    await waitFor(() => expect(posted()).toBeDefined());
    expect(JSON.parse(posted()?.[1]?.body as string)).toMatchObject({
      forwarding: 'masq',
      tunnelType: 'ipip',
      tunnelPort: 0,
      tunnelChecksum: 'nocsum',
    });
  });

  it('defaults to -g as ipvsadm -a does, and never offers gre with remcsum', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(201, {}))),
    );
    renderWithProviders(<AddServerForm sid="tcp:10.0.0.1:80" serviceKey={serviceKey} />);
    fireEvent.change(screen.getByLabelText('Real server IP'), { target: { value: '10.1.0.9' } });
    expect(screen.getByText('ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.9:80 -g -w 1')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Forwarding'), { target: { value: 'tunnel' } });
    fireEvent.change(screen.getByLabelText('Tunnel type'), { target: { value: 'gue' } });
    fireEvent.change(screen.getByLabelText('Tunnel checksum'), { target: { value: 'remcsum' } });
    fireEvent.change(screen.getByLabelText('Tunnel type'), { target: { value: 'gre' } });
    const checksum = screen.getByLabelText('Tunnel checksum');
    expect([...checksum.querySelectorAll('option')].map((o) => o.value)).toEqual(['nocsum', 'csum']);
    expect(checksum).toHaveValue('nocsum');
  });

  it('says what the lower threshold of 0 means for the upper one typed', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(201, {}))),
    );
    renderWithProviders(<AddServerForm sid="tcp:10.0.0.1:80" serviceKey={serviceKey} />);
    fireEvent.change(screen.getByLabelText('Upper threshold (0 = none)'), { target: { value: '100' } });
    expect(screen.getByLabelText('Lower threshold')).toHaveAccessibleDescription(
      /0 means below 3\/4 of the upper threshold \(75\)/,
    );
  });

  it('shows the weight and threshold problems together and renders no command', async () => {
    const fetch = vi.fn((_url: string) => Promise.resolve(jsonResponse(201, {})));
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<AddServerForm sid="tcp:10.0.0.1:80" serviceKey={serviceKey} />);
    fireEvent.change(screen.getByLabelText('Real server IP'), { target: { value: '10.1.0.9' } });
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: 'abc' } });
    fireEvent.change(screen.getByLabelText('Upper threshold (0 = none)'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Lower threshold'), { target: { value: '20' } });
    expect(screen.queryByText(/NaN/)).toBeNull();
    expect(screen.queryByLabelText('Equivalent command')).toBeNull();
    fireEvent.click(screen.getByText('Add server'));
    await waitFor(() =>
      expect(screen.getByLabelText('Weight')).toHaveAccessibleDescription(
        'Enter a whole number from 0 to 2147483647.',
      ),
    );
    // At once, though the schema checks the relation only once every field is valid.
    expect(screen.getByLabelText('Lower threshold')).toHaveAccessibleDescription(
      /^Must not be higher than the upper threshold\./,
    );
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    // A weight the kernel takes, above ipvsadm's documented 65535: only the thresholds are left to fix.
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '70000' } });
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(fetch.mock.calls.filter(([called]) => !reads.includes(called))).toEqual([]);
  });
});
