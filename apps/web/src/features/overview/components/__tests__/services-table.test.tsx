import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { destination, service, zeroStats } from '../../../../testing/fixtures';
import { jsonResponse, renderWithProviders } from '../../../../testing/render-with-providers';
import { ServicesTable } from '../services-table';

const table = [
  service('10.0.0.1', {
    stats: { ...zeroStats, conns: 12, inBytes: 4_560_000 },
    destinations: [destination('10.1.0.1')],
  }),
  service('10.0.0.2', {
    stats: { ...zeroStats, conns: 30_000, inBytes: 1_000 },
    destinations: [destination('10.1.0.2')],
  }),
];

const headers = () => screen.getAllByRole('columnheader').map((th) => th.textContent);
const firstColumn = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('services-table', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.stubGlobal('fetch', () => Promise.resolve(jsonResponse(404, {})));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('adds a --stats column the operator picks, sorts by it, and still has it after a remount', () => {
    const { unmount } = renderWithProviders(<ServicesTable services={table} />, table);
    expect(headers()).not.toContain('Bytes in');
    fireEvent.click(screen.getByText(/^Columns/));
    fireEvent.click(screen.getByLabelText('Bytes in'));
    fireEvent.click(screen.getByLabelText('Inactive'));
    expect(headers()).toContain('Bytes in');
    expect(headers()).not.toContain('Inactive');
    const header = screen.getByRole('columnheader', { name: 'Bytes in' });
    expect(header).toHaveAttribute('title', 'ipvsadm -L --stats: InBytes');

    const cells = document.querySelectorAll('td[data-column="inBytes"]');
    expect([...cells].map((cell) => [cell.textContent, cell.getAttribute('title')])).toEqual([
      ['4.56 M', '4,560,000'],
      ['1.00 k', '1,000'],
    ]);
    fireEvent.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(firstColumn()).toEqual([expect.stringContaining('10.0.0.1'), expect.stringContaining('10.0.0.2')]);
    fireEvent.click(within(header).getByRole('button'));
    expect(firstColumn()).toEqual([expect.stringContaining('10.0.0.2'), expect.stringContaining('10.0.0.1')]);

    unmount();
    renderWithProviders(<ServicesTable services={table} />, table);
    expect(headers()).toContain('Bytes in');
    expect(headers()).not.toContain('Inactive');
  });

  it('goes back to the agent order when the sorted column is hidden', () => {
    renderWithProviders(<ServicesTable services={table} />, table);
    fireEvent.click(screen.getByText(/^Columns/));
    fireEvent.click(screen.getByLabelText('Connections total'));
    const header = screen.getByRole('columnheader', { name: 'Connections total' });
    fireEvent.click(within(header).getByRole('button'));
    expect(firstColumn()[0]).toContain('10.0.0.2');
    fireEvent.click(screen.getByLabelText('Connections total'));
    expect(firstColumn()[0]).toContain('10.0.0.1');
  });
});
