import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RestorePlan } from '@ipvs-dashboard/shared';
import { requestsOf, stubFetch } from '../../../../testing/fetch-stub';
import { service } from '../../../../testing/fixtures';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { ConfigTransferCard } from '../config-transfer-card';

const plan: RestorePlan = {
  added: [],
  changed: ['-e -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 0'],
  removed: [],
  details: [
    {
      action: 'edit',
      service: 'tcp:10.0.0.1:80',
      destination: '10.1.0.1:80',
      fields: [{ field: 'weight', from: '2', to: '0' }],
    },
  ],
};

/** The import's requests (an applied import also refetches the table). */
function configRequests(fetch: ReturnType<typeof stubFetch>): string[] {
  return requestsOf(fetch)
    .map((line) => line.split(' ').slice(0, 2).join(' '))
    .filter((line) => line.includes('/config'));
}

function typeRules(text: string) {
  fireEvent.change(screen.getByLabelText('Rules'), { target: { value: text } });
}

describe('config-transfer-card', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('merges with POST, as ipvsadm -R, showing old -> new per field before anything is applied', async () => {
    const fetch = stubFetch((method, url) => {
      if (method === 'POST' && url === '/api/v1/config?dryRun=1') return { status: 200, body: plan };
      if (method === 'POST' && url === '/api/v1/config')
        return {
          status: 200,
          body: { added: 0, changed: 1, removed: 0, changeId: 'c-5' },
          headers: { 'x-change-id': 'c-5' },
        };
      return undefined;
    });
    renderWithProviders(<ConfigTransferCard />, [service('10.0.0.1')]);
    expect(screen.getByLabelText(/Replace the table/)).toBeChecked();
    fireEvent.click(screen.getByLabelText(/Merge, as ipvsadm -R/));
    typeRules('-e -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 0\n');
    fireEvent.click(screen.getByRole('button', { name: 'Show what would change' }));
    const details = await screen.findByTestId('restore-plan-details');
    expect(details).toHaveTextContent('tcp:10.0.0.1:80 → 10.1.0.1:80');
    expect(details).toHaveTextContent('weight 2 → 0');
    fireEvent.click(screen.getByRole('button', { name: 'Apply these changes' }));
    expect(await screen.findByText('Applied.')).toBeInTheDocument();
    expect(configRequests(fetch)).toEqual(['POST /api/v1/config?dryRun=1', 'POST /api/v1/config']);
    // The dry run asks for the whole plan; applying asks only for counts and the change id.
    const prefers = fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get('prefer'));
    expect(prefers.filter((_, i) => String(fetch.mock.calls[i]?.[0]).includes('/config'))).toEqual([
      null,
      'return=minimal',
    ]);
  });

  it('shows every problem of the text at once, by line', async () => {
    stubFetch(() => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid.',
          details: {
            problems: [
              { line: 1, message: 'scheduler "twos" is not in this kernel' },
              { line: 3, message: 'line 3: -w: "-1" must be 0-2147483647' },
            ],
          },
        },
      },
    }));
    renderWithProviders(<ConfigTransferCard />, []);
    typeRules('-A -t 10.0.0.9:80 -s twos\n\n-a -t 10.0.0.9:80 -r 10.1.0.9:80 -w -1\n');
    fireEvent.click(screen.getByRole('button', { name: 'Show what would change' }));
    const problems = await screen.findByTestId('restore-problems');
    expect(problems).toHaveTextContent('Problems in the text (2).');
    expect(problems).toHaveTextContent('line 1: scheduler "twos" is not in this kernel');
    // The agent's sentence may name its line already: it is not said twice.
    expect(problems).toHaveTextContent('line 3: -w: "-1" must be 0-2147483647');
    expect(problems).not.toHaveTextContent('line 3: line 3');
    expect(screen.getByRole('button', { name: 'Apply these changes' })).toBeDisabled();
  });

  it('replacing the table with a text that keeps no service asks plainly, then resends with confirm=replace-all', async () => {
    const emptied: RestorePlan = {
      added: [],
      changed: [],
      removed: ['-D -t 10.0.0.1:80', '-D -t 10.0.0.2:80'],
      details: [],
    };
    const fetch = stubFetch((method, url) => {
      if (method !== 'PUT') return undefined;
      if (!url.includes('confirm=replace-all'))
        return {
          status: 400,
          body: { error: { code: 'CONFIRMATION_REQUIRED', message: 'This change removes every service.' } },
        };
      if (url.includes('dryRun=1')) return { status: 200, body: emptied };
      return { status: 200, body: { added: 0, changed: 0, removed: 2 }, headers: { 'x-change-id': 'c-6' } };
    });
    renderWithProviders(<ConfigTransferCard />, [service('10.0.0.1'), service('10.0.0.2')]);
    expect(screen.getByText('ipvsadm -C && ipvsadm -R < rules.txt')).toBeInTheDocument();
    typeRules('# nothing\n');
    fireEvent.click(screen.getByRole('button', { name: 'Show what would change' }));
    const confirmation = await screen.findByTestId('replace-all-confirmation');
    expect(confirmation).toHaveTextContent('This removes every service.');
    expect(confirmation).toHaveTextContent('none of the 2 services');
    fireEvent.click(within(confirmation).getByRole('button', { name: 'Yes, remove every service' }));
    expect(await screen.findByText('Removed (2)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Apply these changes' }));
    expect(await screen.findByText('Applied.')).toBeInTheDocument();
    expect(configRequests(fetch)).toEqual([
      'PUT /api/v1/config?dryRun=1',
      'PUT /api/v1/config?dryRun=1&confirm=replace-all',
      'PUT /api/v1/config?confirm=replace-all',
    ]);
  });
});
