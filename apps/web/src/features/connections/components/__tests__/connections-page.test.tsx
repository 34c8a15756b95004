import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection, ConnectionsResponse } from '@ipvs-dashboard/shared';
import { requestsOf, stubFetch } from '../../../../testing/fetch-stub';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { useRoute } from '../../../../lib/router/hash-router';
import { ConnectionsPage } from '../connections-page';

const connection: Connection = {
  protocol: 'TCP',
  clientAddress: '198.51.100.7',
  clientPort: 51234,
  virtualAddress: '10.0.0.1',
  virtualPort: 80,
  destAddress: '10.1.0.1',
  destPort: 80,
  state: 'ESTABLISHED',
  expiresSeconds: 900,
  template: false,
  persistenceEngine: null,
  persistenceData: null,
  fwmark: null,
};

/** The screen as the app mounts it: what it shows comes from the URL. */
function Routed() {
  const route = useRoute();
  return route.screen === 'connections' ? (
    <ConnectionsPage service={route.serviceId} view={route.view ?? {}} />
  ) : null;
}

function stubAgent() {
  return stubFetch((method, url) => {
    if (url === '/api/v1/services') return { status: 200, body: [] };
    if (url.startsWith('/api/v1/connections?'))
      return { status: 200, body: { total: 120, items: [connection] } satisfies ConnectionsResponse };
    return undefined;
  });
}

const connectionRequests = (fetch: ReturnType<typeof stubFetch>) =>
  requestsOf(fetch).filter((line) => line.includes('/connections?'));

describe('connections-page', () => {
  beforeEach(() => {
    window.location.hash = '#/connections';
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens the view the URL names and asks the agent for exactly that page', async () => {
    window.location.hash = '#/connections/tcp%3A10.0.0.1%3A80?search=198.51&sort=client&order=desc&page=2';
    const fetch = stubAgent();
    renderWithProviders(<Routed />);
    expect(await screen.findByText('198.51.100.7:51234')).toBeVisible();
    expect(connectionRequests(fetch)).toContain(
      'GET /api/v1/connections?service=tcp%3A10.0.0.1%3A80&search=198.51&sort=client&order=desc&offset=50&limit=50',
    );
    expect(screen.getByLabelText('Search addresses')).toHaveValue('198.51');
    expect(screen.getByRole('columnheader', { name: /Client/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByText('Page 2 of 3')).toBeVisible();
  });

  it('sorts by a column on click, reverses on a second click, and writes both into the URL', async () => {
    stubAgent();
    renderWithProviders(<Routed />);
    await screen.findByText('198.51.100.7:51234');
    fireEvent.click(screen.getByRole('button', { name: 'Expires in' }));
    await waitFor(() => expect(window.location.hash).toBe('#/connections?sort=expires'));
    fireEvent.click(screen.getByRole('button', { name: /Expires in/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/connections?sort=expires&order=desc'));
    expect(screen.getByRole('columnheader', { name: /Expires in/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('puts a search into the URL once typing pauses, back on page 1, without a history step per key', async () => {
    window.location.hash = '#/connections?page=3';
    const fetch = stubAgent();
    renderWithProviders(<Routed />);
    await screen.findByText('198.51.100.7:51234');
    const steps = window.history.length;
    vi.useFakeTimers();
    fireEvent.change(screen.getByLabelText('Search addresses'), { target: { value: '198.51' } });
    fireEvent.change(screen.getByLabelText('Search addresses'), { target: { value: '198.51.100.7' } });
    expect(window.location.hash).toBe('#/connections?page=3');
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(window.location.hash).toBe('#/connections?search=198.51.100.7');
    expect(window.history.length).toBe(steps);
    vi.useRealTimers();
    await waitFor(() =>
      expect(connectionRequests(fetch)).toContain(
        'GET /api/v1/connections?search=198.51.100.7&offset=0&limit=50',
      ),
    );
  });

  it('lets the templates be hidden or shown alone', async () => {
    stubAgent();
    renderWithProviders(<Routed />);
    await screen.findByText('198.51.100.7:51234');
    fireEvent.change(screen.getByLabelText('Persistence templates'), { target: { value: 'hide' } });
    await waitFor(() => expect(window.location.hash).toBe('#/connections?templates=hide'));
  });
});
