import { MutationCache, QueryClient, useMutation } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider } from '../../app/provider';
import { confirmMutation } from '../../lib/api/confirm-mutation';
import { announceChange } from '../../lib/changes/change-notice';
import { dismissToasts } from '../../lib/feedback/toasts';
import { ToastRegion } from '../toast-region';

function Change({ dryRun, fail = false }: { dryRun: boolean; fail?: boolean }) {
  const change = useMutation({
    mutationFn: (_: { dryRun: boolean }) => (fail ? Promise.reject(new Error('no')) : Promise.resolve()),
    meta: { confirmation: ({ dryRun: dry }: { dryRun: boolean }) => (dry ? null : 'config.applied') },
  });
  return (
    <button type="button" onClick={() => change.mutate({ dryRun })}>
      change
    </button>
  );
}

/** A change the agent recorded: its Undo notice names it, so no "Applied." beside it. */
function RecordedChange() {
  const change = useMutation({
    mutationFn: () => {
      announceChange('c-42', 'quiesce');
      return Promise.resolve();
    },
  });
  return (
    <button type="button" onClick={() => change.mutate()}>
      recorded
    </button>
  );
}

function renderWith(ui: React.ReactElement) {
  const client = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: (_d, variables, _c, mutation) => confirmMutation(variables, mutation),
    }),
  });
  return render(
    <AppProvider queryClient={client} feed={null}>
      {ui}
      <ToastRegion />
    </AppProvider>,
  );
}

describe('toast-region', () => {
  afterEach(() => dismissToasts());

  it('confirms a change the agent applied, in a few words', async () => {
    renderWith(<Change dryRun={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'change' }));
    await waitFor(() => expect(screen.getByTestId('toasts')).toHaveTextContent('Applied.'));
  });

  it('says nothing for a dry run or a refused change', async () => {
    renderWith(
      <>
        <Change dryRun />
        <Change dryRun={false} fail />
      </>,
    );
    for (const button of screen.getAllByRole('button', { name: 'change' })) fireEvent.click(button);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByTestId('toasts')).toBeEmptyDOMElement();
  });

  it('leaves a change with an Undo notice to that notice', async () => {
    renderWith(<RecordedChange />);
    fireEvent.click(screen.getByRole('button', { name: 'recorded' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByTestId('toasts')).toBeEmptyDOMElement();
  });
});
