import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import { renderWithProviders } from '../../testing/render-with-providers';
import { ActionError } from '../error-text';

describe('error-text', () => {
  it('says in words that the agent cannot be reached instead of the browser\'s "Failed to fetch"', () => {
    renderWithProviders(<ActionError error={new ApiError('NETWORK', 'Failed to fetch', 0)} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The agent cannot be reached, so this change was not confirmed.',
    );
    expect(screen.queryByText(/Failed to fetch/)).toBeNull();
  });

  it("keeps the agent's own sentence for its errors", () => {
    renderWithProviders(
      <ActionError error={new ApiError('VALIDATION_FAILED', 'weight: must be 0 or more', 400, 'weight')} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('weight: must be 0 or more');
  });
});
