import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Caller } from '@ipvs-dashboard/shared';
import { ServerEditor } from '../../features/service/components/server-editor';
import { destination } from '../../testing/fixtures';
import { requestsOf, stubFetch } from '../../testing/fetch-stub';
import { renderWithProviders } from '../../testing/render-with-providers';

const sid = 'tcp:10.0.0.1:80';
const serviceKey = { protocol: 'tcp' as const, address: '10.0.0.1', port: 80 };
const server = destination('10.0.1.1', { weight: 3 });
const patchUrl = '/api/v1/services/tcp%3A10.0.0.1%3A80/destinations/10.0.1.1%3A80';

function signedInAs(caller: Caller) {
  return stubFetch((method, url, body) => {
    if (method === 'GET' && url === '/api/v1/session') return { status: 200, body: caller };
    if (method === 'PATCH' && url === patchUrl)
      return { status: 200, body: { ...server, ...JSON.parse(body!) } };
    if (method === 'GET' && url === '/api/v1/services') return { status: 200, body: [] };
    return undefined;
  });
}

const editor = () =>
  renderWithProviders(<ServerEditor sid={sid} serviceKey={serviceKey} destination={server} />);

describe('controls follow the token role (the agent answers 403 to the same requests)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('an operator sets a weight: only the weight is sent', async () => {
    const fetch = signedInAs({ name: 'oncall', role: 'operator', services: null });
    editor();
    await waitFor(() => expect(screen.getByText('Remove')).toBeDisabled());
    expect(screen.getByText('Remove')).toHaveAttribute(
      'title',
      'oncall (operator) may not do this: it needs an admin token.',
    );
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '5' } });
    expect(screen.getByText('Apply')).toBeEnabled();
    fireEvent.click(screen.getByText('Apply'));
    await waitFor(() => expect(requestsOf(fetch)).toContain(`PATCH ${patchUrl} {"weight":5}`));
  });

  it('an operator cannot change thresholds, and is told why before clicking', async () => {
    signedInAs({ name: 'oncall', role: 'operator', services: null });
    editor();
    await waitFor(() => expect(screen.getByText('Remove')).toBeDisabled());
    fireEvent.change(screen.getByLabelText('Upper threshold (0 = none)'), { target: { value: '100' } });
    expect(screen.getByText('Apply')).toBeDisabled();
    expect(screen.getByText('Apply')).toHaveAttribute(
      'title',
      'oncall (operator) may not do this: it needs an admin token.',
    );
  });

  it('a viewer can change nothing; a token limited to another service neither', async () => {
    signedInAs({ name: 'wall', role: 'viewer', services: null });
    const { unmount } = editor();
    await waitFor(() => expect(screen.getByText('Apply')).toBeDisabled());
    expect(screen.getByText('Apply')).toHaveAttribute(
      'title',
      'wall (viewer) may not do this: it needs an operator or admin token.',
    );
    unmount();
    vi.unstubAllGlobals();
    signedInAs({ name: 'team-b', role: 'admin', services: ['tcp:10.0.0.2:80'] });
    editor();
    await waitFor(() => expect(screen.getByText('Remove')).toBeDisabled());
    expect(screen.getByText('Remove')).toHaveAttribute('title', 'team-b may change only tcp:10.0.0.2:80.');
  });

  it('an admin keeps every control', async () => {
    signedInAs({ name: 'admin', role: 'admin', services: null });
    editor();
    await screen.findByText('Remove');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('Remove')).toBeEnabled();
    expect(screen.getByText('Apply')).toBeEnabled();
  });
});
