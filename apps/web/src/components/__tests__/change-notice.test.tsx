import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { quiesceDestination } from '../../features/service/api/quiesce-destination';
import { announceChange } from '../../lib/changes/change-notice';
import { changeRecord } from '../../testing/change-fixtures';
import { requestsOf, stubFetch } from '../../testing/fetch-stub';
import { destination } from '../../testing/fixtures';
import { renderWithProviders } from '../../testing/render-with-providers';
import { ChangeNoticeToast } from '../change-notice';

function agentWithChange(id: string) {
  return stubFetch((method, url) => {
    if (method === 'POST' && url.endsWith('/quiesce'))
      return {
        status: 200,
        body: destination('10.1.0.1', { weight: 0 }),
        headers: { 'x-change-id': id, etag: 'W/"7"' },
      };
    if (method === 'GET' && url === `/api/v1/changes/${id}`)
      return { status: 200, body: changeRecord({ id }) };
    if (method === 'POST' && url === `/api/v1/changes/${id}/revert`)
      return {
        status: 201,
        body: changeRecord({ id: 'c-undo', action: 'revert', summary: 'Restored weight 5' }),
      };
    return undefined;
  });
}

describe('change-notice', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('after a quiesce made here, offers Undo of exactly that change (its X-Change-Id)', async () => {
    const fetch = agentWithChange('c-0042');
    renderWithProviders(<ChangeNoticeToast />);
    await act(() => quiesceDestination('tcp:10.0.0.1:80', '10.1.0.1:80', true));
    const notice = await screen.findByTestId('change-notice');
    expect(screen.getByRole('status')).toHaveTextContent('Real server quiesced');
    await waitFor(() => expect(notice).toHaveTextContent('(weight 5 -> 0)'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone.')).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain('POST /api/v1/changes/c-0042/revert {}');
  });

  it('goes away after about ten seconds, but not while its Undo has the focus', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    agentWithChange('c-0043');
    renderWithProviders(<ChangeNoticeToast />);
    act(() => announceChange('c-0043', 'quiesce'));
    screen.getByRole('button', { name: 'Undo' }).focus();
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(screen.getByTestId('change-notice')).toBeInTheDocument();
    screen.getByRole('button', { name: 'Undo' }).blur();
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(screen.queryByTestId('change-notice')).toBeNull();
  });

  it('offers no Undo for zeroed counters, which cannot come back', () => {
    stubFetch((_method, url) =>
      url === '/api/v1/changes/c-0044'
        ? { status: 200, body: changeRecord({ action: 'zero', inverse: null }) }
        : undefined,
    );
    renderWithProviders(<ChangeNoticeToast />);
    act(() => announceChange('c-0044', 'zero'));
    expect(screen.getByTestId('change-notice')).toHaveTextContent('This cannot be undone.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});
