import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeRecord } from '../../../../testing/change-fixtures';
import { requestsOf, stubFetch } from '../../../../testing/fetch-stub';
import { service } from '../../../../testing/fixtures';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { ActivityPage } from '../activity-page';

const quiesce = changeRecord();
const zero = changeRecord({
  id: 'c-0001',
  action: 'zero',
  summary: 'Zeroed the counters of tcp:10.0.0.1:80',
  commands: ['ipvsadm -Z -t 10.0.0.1:80'],
  inverse: null,
  before: [],
  after: [],
});
const external = changeRecord({
  id: 'c-0000',
  actor: { type: 'external' },
  source: 'external',
  action: 'external',
  summary: 'Seen: 10.1.0.1:80 in tcp:10.0.0.1:80 weight 1 -> 5',
  inverse: ['ipvsadm -e -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1'],
});

describe('activity-page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('lists changes newest first with who, the commands and old -> new, and pages on with next', async () => {
    const fetch = stubFetch((_method, url) => {
      if (url === '/api/v1/changes?limit=50')
        return { status: 200, body: { items: [quiesce, zero], next: 'c-0001' } };
      if (url === '/api/v1/changes?before=c-0001&limit=50')
        return { status: 200, body: { items: [external], next: null } };
      return undefined;
    });
    renderWithProviders(<ActivityPage />, [service('10.0.0.1')]);
    const entries = await screen.findAllByTestId('change-entry');
    expect(entries).toHaveLength(2);
    const first = entries[0]!;
    expect(first).toHaveTextContent('Real server quiesced');
    expect(first).toHaveTextContent('ops (API)');
    expect(first).toHaveTextContent('ipvsadm -e -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 0');
    expect(first).toHaveTextContent('weight 5 → 0');
    expect(within(first).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    // Zeroed counters have no inverse: nothing to offer.
    expect(within(entries[1]!).queryByRole('button', { name: 'Undo' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    await waitFor(() => expect(screen.getAllByTestId('change-entry')).toHaveLength(3));
    expect(screen.getAllByTestId('change-entry')[2]).toHaveTextContent('someone outside the dashboard');
    expect(screen.queryByRole('button', { name: 'Show older changes' })).toBeNull();
    expect(requestsOf(fetch).filter((line) => !line.endsWith('/session'))).toEqual([
      'GET /api/v1/changes?limit=50',
      'GET /api/v1/changes?before=c-0001&limit=50',
    ]);
  });

  it('says what changed since when Undo is refused, and Undo anyway forces it', async () => {
    const fetch = stubFetch((method, url, body) => {
      if (method === 'GET') return { status: 200, body: { items: [quiesce], next: null } };
      if (url === '/api/v1/changes/c-0002/revert' && body === '{}')
        return {
          status: 409,
          body: {
            error: {
              code: 'CONFLICT',
              message: 'The table changed since you read it.',
              details: { conflicts: ['10.1.0.1:80 in tcp:10.0.0.1:80 has weight 3 now, not 0'] },
            },
          },
        };
      if (url === '/api/v1/changes/c-0002/revert' && body === '{"force":true}')
        return {
          status: 201,
          body: changeRecord({ id: 'c-0003', action: 'revert', summary: 'Undid c-0002', revertOf: 'c-0002' }),
        };
      return undefined;
    });
    renderWithProviders(<ActivityPage />, []);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('has weight 3 now, not 0');
    expect(screen.getByRole('button', { name: 'Undo anyway' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Undo anyway' }));
    expect(await screen.findByText('Undone.')).toBeInTheDocument();
    expect(requestsOf(fetch).filter((line) => line.startsWith('POST'))).toEqual([
      'POST /api/v1/changes/c-0002/revert {}',
      'POST /api/v1/changes/c-0002/revert {"force":true}',
    ]);
  });

  it('shows the first lines of a long change and builds the rest only when asked', async () => {
    const commands = Array.from(
      { length: 15 },
      (_, i) => `ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.${i + 1}:80 -m -w 1`,
    );
    stubFetch(() => ({
      status: 200,
      body: { items: [changeRecord({ action: 'restore', commands })], next: null },
    }));
    renderWithProviders(<ActivityPage />, []);
    const entry = await screen.findByTestId('change-entry');
    expect(entry).toHaveTextContent('10.1.0.12:80');
    expect(entry).not.toHaveTextContent('10.1.0.13:80');
    const more = within(entry).getByText('Show all 15');
    more.closest('details')!.open = true;
    await waitFor(() => expect(entry).toHaveTextContent('10.1.0.15:80'));
  });

  it('keeps the filters in the URL and asks the agent for just those changes', async () => {
    const fetch = stubFetch((_method, url) =>
      url.startsWith('/api/v1/changes?') ? { status: 200, body: { items: [], next: null } } : undefined,
    );
    renderWithProviders(<ActivityPage service="tcp:10.0.0.1:80" source="api" />, [service('10.0.0.1')]);
    expect(await screen.findByText('No change matches the filter.')).toBeInTheDocument();
    expect(requestsOf(fetch).filter((line) => !line.endsWith('/session'))).toEqual([
      'GET /api/v1/changes?service=tcp%3A10.0.0.1%3A80&source=api&limit=50',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'From outside' }));
    expect(window.location.hash).toBe('#/activity?service=tcp%3A10.0.0.1%3A80&source=external');
    fireEvent.change(screen.getByLabelText('Service'), { target: { value: '' } });
    expect(window.location.hash).toBe('#/activity?source=api');
  });
});
