import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InfoResponse } from '@ipvs-dashboard/shared';
import { changeRecord } from '../../testing/change-fixtures';
import { requestsOf, stubFetch } from '../../testing/fetch-stub';
import { renderWithProviders } from '../../testing/render-with-providers';
import { InterruptedChangeBanner } from '../interrupted-change-banner';

const info: InfoResponse = {
  backend: 'simulated',
  backendReason: null,
  version: '1.2.1',
  connTableSize: 4096,
  schedulers: ['rr', 'wlc'],
  persistenceEngines: ['sip'],
  tunnelTypes: ['ipip', 'gue', 'gre'],
  addressFamilies: ['inet', 'inet6'],
  intervalMs: 1000,
  interruptedChange: {
    id: 'j-7',
    action: 'restore',
    summary: 'Restore: 300 services added',
    startedAt: Date.UTC(2026, 11, 5, 9, 0, 0),
    applied: 191,
    total: 3300,
    services: ['tcp:10.0.0.1:80', 'tcp:10.0.0.2:80'],
  },
  owners: [],
  prometheus: null,
};

describe('interrupted-change-banner', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says what was interrupted and how far it got, asks before rolling back, then says how it ended', async () => {
    let interrupted = true;
    const fetch = stubFetch((method, url) => {
      if (method === 'GET' && url === '/api/v1/info')
        return { status: 200, body: interrupted ? info : { ...info, interruptedChange: null } };
      if (method === 'POST' && url === '/api/v1/changes/j-7/rollback') {
        interrupted = false;
        return {
          status: 201,
          body: changeRecord({ id: 'c-9', action: 'rollback', summary: '2 services put back' }),
        };
      }
      return undefined;
    });
    renderWithProviders(<InterruptedChangeBanner />);
    const banner = await screen.findByTestId('interrupted-change');
    expect(banner).toHaveTextContent('A change was interrupted.');
    expect(banner).toHaveTextContent('Restore: 300 services added');
    expect(banner).toHaveTextContent('191 of 3300 steps were done');
    fireEvent.click(screen.getByRole('button', { name: 'Roll back' }));
    expect(banner).toHaveTextContent('Put the services it touched (2) back');
    expect(requestsOf(fetch).some((line) => line.startsWith('POST'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, roll back' }));
    expect(await screen.findByText('Rolled back: 2 services put back')).toBeInTheDocument();
    expect(screen.queryByTestId('interrupted-change')).toBeNull();
    expect(requestsOf(fetch)).toContain('POST /api/v1/changes/j-7/rollback {}');
  });

  it('lets the user change their mind, and finishes the change when asked to', async () => {
    const fetch = stubFetch((method, url) => {
      if (url === '/api/v1/info') return { status: 200, body: info };
      if (method === 'POST' && url === '/api/v1/changes/j-7/resume')
        return {
          status: 201,
          body: changeRecord({ id: 'c-9', action: 'resume', summary: 'Restore finished' }),
        };
      return undefined;
    });
    renderWithProviders(<InterruptedChangeBanner />);
    fireEvent.click(await screen.findByRole('button', { name: 'Finish it' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Finish it' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, finish it' }));
    expect(await screen.findByText('Finished: Restore finished')).toBeInTheDocument();
    expect(requestsOf(fetch).filter((line) => line.startsWith('POST'))).toEqual([
      'POST /api/v1/changes/j-7/resume {}',
    ]);
  });

  it('asks afresh for the next interrupted change once the first is dealt with', async () => {
    const second = { ...info.interruptedChange!, id: 'j-8', summary: 'Merge: 2 real servers' };
    let current = info.interruptedChange;
    stubFetch((method, url) => {
      if (url === '/api/v1/info') return { status: 200, body: { ...info, interruptedChange: current } };
      if (method === 'POST' && url === '/api/v1/changes/j-7/rollback') {
        current = second;
        return { status: 201, body: changeRecord({ id: 'c-9', action: 'rollback', summary: 'put back' }) };
      }
      return undefined;
    });
    renderWithProviders(<InterruptedChangeBanner />);
    fireEvent.click(await screen.findByRole('button', { name: 'Roll back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, roll back' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    const banner = await screen.findByTestId('interrupted-change');
    expect(banner).toHaveTextContent('Merge: 2 real servers');
    expect(screen.getByRole('button', { name: 'Roll back' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Yes, roll back' })).toBeNull();
  });

  it('shows nothing when no change was interrupted', async () => {
    const fetch = stubFetch(() => ({ status: 200, body: { ...info, interruptedChange: null } }));
    const { container } = renderWithProviders(<InterruptedChangeBanner />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(container).toBeEmptyDOMElement();
  });
});
