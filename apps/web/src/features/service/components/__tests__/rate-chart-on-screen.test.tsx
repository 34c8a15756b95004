import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateChart } from '../rate-chart';

// A chart scrolled out of view keeps what it drew and catches up as it comes back (use-on-screen.ts).
let report: ((entries: { isIntersecting: boolean }[]) => void) | null = null;
class FakeIntersectionObserver {
  constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
    report = callback;
  }
  observe() {}
  disconnect() {}
}

const lines = [{ key: 'total', label: 'Total', color: 'blue' }];
const rows = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ at: (index + 1) * 1000, total: 5 }));

function Chart({ count }: { count: number }) {
  return (
    <RateChart
      title="New connections per second"
      unit="conn/s"
      rows={rows(count)}
      lines={lines}
      windowMs={60_000}
      emptyText="Collecting…"
    />
  );
}

describe('rate-chart off screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    report = null;
  });

  it('holds its rows while scrolled away and shows the newest as soon as it is back on screen', () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    const { container, rerender } = render(<Chart count={1} />);
    const figure = () => container.querySelector('figure');
    expect(figure()).toHaveTextContent('Collecting…');
    act(() => report?.([{ isIntersecting: false }]));
    rerender(<Chart count={5} />);
    expect(figure()).toHaveAttribute('data-on-screen', 'false');
    expect(figure()).toHaveTextContent('Collecting…');
    act(() => report?.([{ isIntersecting: true }]));
    expect(figure()).toHaveAttribute('data-on-screen', 'true');
    expect(figure()).not.toHaveTextContent('Collecting…');
  });

  it('draws every sample where the browser cannot say what is on screen', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { container, rerender } = render(<Chart count={1} />);
    rerender(<Chart count={5} />);
    expect(container.querySelector('figure')).not.toHaveTextContent('Collecting…');
  });
});
