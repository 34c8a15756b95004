import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSlashToSearch } from '../use-slash-to-search';

function Screen() {
  useSlashToSearch();
  return (
    <main>
      <input aria-label="Port" />
      <input type="search" aria-label="Filter services" />
    </main>
  );
}

describe('use-slash-to-search', () => {
  it('"/" focuses the search field, but stays a "/" while typing in another field', () => {
    render(<Screen />);
    fireEvent.keyDown(document.body, { key: '/' });
    expect(screen.getByLabelText('Filter services')).toHaveFocus();
    screen.getByLabelText('Port').focus();
    const typed = fireEvent.keyDown(screen.getByLabelText('Port'), { key: '/' });
    expect(typed).toBe(true);
    expect(screen.getByLabelText('Port')).toHaveFocus();
  });
});
