import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Caller } from '@ipvs-dashboard/shared';
import { stubFetch } from '../../testing/fetch-stub';
import { renderWithProviders } from '../../testing/render-with-providers';
import { RoleNotice } from '../role-notice';

const signedInAs = (caller: Caller) =>
  stubFetch((method, url) =>
    method === 'GET' && url === '/api/v1/session' ? { status: 200, body: caller } : undefined,
  );

describe('role-notice', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells a viewer that it can change nothing', async () => {
    signedInAs({ name: 'wall', role: 'viewer', services: null });
    renderWithProviders(<RoleNotice />);
    expect(await screen.findByTestId('role-notice')).toHaveTextContent(
      'Signed in as wall (viewer): you can see everything and change nothing',
    );
  });

  it('names the services a limited operator may change', async () => {
    signedInAs({ name: 'team-a', role: 'operator', services: ['tcp:10.0.0.1:80'] });
    renderWithProviders(<RoleNotice />);
    const notice = await screen.findByTestId('role-notice');
    expect(notice).toHaveTextContent('you can set weights, quiesce, drain and zero counters');
    expect(notice).toHaveTextContent('This token may change only tcp:10.0.0.1:80.');
  });

  it('says nothing to an unlimited admin', async () => {
    const fetch = signedInAs({ name: 'admin', role: 'admin', services: null });
    renderWithProviders(<RoleNotice />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('role-notice')).toBeNull();
  });
});
