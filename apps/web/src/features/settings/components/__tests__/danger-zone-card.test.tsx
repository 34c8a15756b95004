import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../../testing/render-with-providers';
import { DangerZoneCard } from '../danger-zone-card';

describe('danger-zone-card', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('clears the table only after the word is typed, and sends the confirmation', async () => {
    const fetch = vi.fn(() => Promise.resolve(jsonResponse(204, null)));
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<DangerZoneCard />);
    const clear = screen.getByRole('button', { name: 'Clear the table' });
    expect(clear).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Type clear'), { target: { value: 'clea' } });
    expect(clear).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Type clear'), { target: { value: 'clear' } });
    fireEvent.click(clear);
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/v1/clear',
        expect.objectContaining({ method: 'POST', body: '{"confirm":"clear"}' }),
      ),
    );
    expect(screen.getByText('ipvsadm -C')).toBeInTheDocument();
  });

  it('zeroes every counter only after the user agreed, having seen the command', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(jsonResponse(204, null)));
    vi.stubGlobal('fetch', fetch);
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    renderWithProviders(<DangerZoneCard />);
    fireEvent.click(screen.getByRole('button', { name: 'Zero all counters' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('ipvsadm -Z'));
    expect(fetch).not.toHaveBeenCalledWith('/api/v1/zero', expect.anything());
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Zero all counters' }));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith('/api/v1/zero', expect.objectContaining({ method: 'POST' })),
    );
    expect(await screen.findByText('Counters zeroed.')).toBeVisible();
  });
});
