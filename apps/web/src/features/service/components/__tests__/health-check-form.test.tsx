import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { destination, service } from '../../../../testing/fixtures';
import { requestsOf, stubFetch } from '../../../../testing/fetch-stub';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { HealthCheckForm } from '../health-check-form';

const sid = 'tcp:10.0.0.1:80';
const checkUrl = '/api/v1/services/tcp%3A10.0.0.1%3A80/check';
const notSet = {
  status: 404,
  body: { error: { code: 'CHECK_NOT_SET', message: 'No health check is set here.' } },
};

describe('health-check-form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('adds an HTTP check: every problem shown at once by its field, then the check the agent takes', async () => {
    const fetch = stubFetch((method, url, body) => {
      if (url === checkUrl && method === 'GET') return notSet;
      if (url === checkUrl && method === 'PUT') return { status: 200, body: JSON.parse(body ?? '{}') };
      if (url === '/api/v1/services') return { status: 200, body: [] };
      return undefined;
    });
    renderWithProviders(<HealthCheckForm sid={sid} service={service('10.0.0.1')} />);
    expect(await screen.findByText(/No health check/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'http' } });
    fireEvent.change(screen.getByLabelText('Every (seconds)'), { target: { value: '0.5' } });
    fireEvent.change(screen.getByLabelText('Timeout (seconds)'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: 'health z' } });
    fireEvent.click(screen.getByText('Add check'));
    expect(
      await screen.findByText('Must not be longer than the interval: one check at a time per real server.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Enter a path that starts with / and has no spaces.')).toBeInTheDocument();
    expect(requestsOf(fetch).filter((line) => line.startsWith('PUT'))).toEqual([]);

    fireEvent.change(screen.getByLabelText('Timeout (seconds)'), { target: { value: '0.25' } });
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '/healthz' } });
    fireEvent.change(screen.getByLabelText('Expected status'), { target: { value: '200, 204' } });
    expect(screen.getByText(/# ipvs-dashboard check tcp:10.0.0.1:80 \{"kind":"http"/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('Add check'));
    await waitFor(() => expect(requestsOf(fetch).some((line) => line.startsWith('PUT'))).toBe(true));
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(put?.[1]?.body as string)).toEqual({
      kind: 'http',
      intervalSeconds: 0.5,
      timeoutSeconds: 0.25,
      rise: 2,
      fall: 3,
      path: '/healthz',
      expectStatus: [200, 204],
    });
  });

  it('shows what the checks say now and removes the check after asking', async () => {
    const check = { kind: 'tcp', intervalSeconds: 2, timeoutSeconds: 1, rise: 2, fall: 3 };
    const fetch = stubFetch((method, url) => {
      if (url === checkUrl && method === 'GET') return { status: 200, body: check };
      if (url === checkUrl && method === 'DELETE') return { status: 204 };
      if (url === '/api/v1/services') return { status: 200, body: [] };
      return undefined;
    });
    const up = {
      state: 'up' as const,
      since: 0,
      lastResult: { ok: true, ms: 1, detail: 'connected', at: 0 },
    };
    const down = {
      state: 'down' as const,
      since: 0,
      lastResult: { ok: false, ms: 1, detail: 'refused', at: 0 },
    };
    const table = service('10.0.0.1', {
      destinations: [
        destination('10.0.1.1', { health: up }),
        destination('10.0.1.2', { health: up }),
        destination('10.0.1.3', { health: down }),
      ],
    });
    vi.stubGlobal('confirm', () => true);
    renderWithProviders(<HealthCheckForm sid={sid} service={table} />);
    expect(await screen.findByTestId('check-summary')).toHaveTextContent(
      'Now: 2 up, 1 down, 0 without a verdict yet.',
    );
    expect(screen.queryByLabelText('Path')).toBeNull(); // a TCP check asks for no HTTP settings
    fireEvent.click(screen.getByText('Remove check'));
    await waitFor(() => expect(requestsOf(fetch)).toContain(`DELETE ${checkUrl}`));
    expect(await screen.findByText(/No health check/)).toBeInTheDocument();
  });
});
