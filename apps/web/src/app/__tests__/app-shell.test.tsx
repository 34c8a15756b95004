import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiJson } from '../../lib/api/api-client';
import { resetSession } from '../../lib/api/session-state';
import { jsonResponse, renderWithProviders } from '../../testing/render-with-providers';
import { AppShell } from '../app-shell';

const info = { backend: 'simulated', version: '1.2.1', backendReason: null };
const unauthenticated = { error: { code: 'UNAUTHENTICATED', message: 'Sign in: open the login URL.' } };

function renderShell() {
  return renderWithProviders(
    <AppShell route={{ screen: 'overview' }}>
      <p>the overview</p>
      <button type="button">Add service</button>
    </AppShell>,
  );
}

describe('app-shell', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetSession();
  });

  it('without a session shows only the sign-in screen: how to get the login URL, no table, no actions', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(401, unauthenticated))),
    );
    renderShell();
    expect(await screen.findByRole('heading', { name: 'Sign in to the IPVS dashboard' })).toBeVisible();
    expect(screen.getByText('journalctl -u ipvs-dashboard-agent')).toBeVisible();
    expect(screen.getByText(`${window.location.origin}/?token=…`)).toBeVisible();
    expect(screen.getByLabelText('Token')).toBeVisible();
    expect(screen.queryByText('the overview')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add service' })).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByTestId('live-status')).toBeNull();
    expect(document.title).toBe('Sign in to the IPVS dashboard');
  });

  it('shows nothing of the screen before the agent has answered', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => undefined)),
    );
    renderShell();
    expect(screen.getByText('Loading…')).toBeVisible();
    expect(screen.queryByText('the overview')).toBeNull();
  });

  it('with a session shows the screen; when the agent later forgets it, says it was signed out', async () => {
    const fetch = vi.fn(() => Promise.resolve(jsonResponse(200, info)));
    vi.stubGlobal('fetch', fetch);
    renderShell();
    expect(await screen.findByText('the overview')).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    fetch.mockImplementation(() => Promise.resolve(jsonResponse(401, unauthenticated)));
    await act(() => apiJson('GET', '/services').catch(() => undefined));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Signed out' })).toBeVisible());
    expect(screen.getByText(/it probably restarted/)).toBeVisible();
    expect(screen.queryByText('the overview')).toBeNull();
  });
});
