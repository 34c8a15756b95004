import { describe, expect, it } from 'vitest';
import { afterResult, initialCounter, type CheckCounter } from '../check-state.js';

const limits = { rise: 2, fall: 3 };

function feed(counter: CheckCounter, results: boolean[]) {
  const transitions: (string | null)[] = [];
  let at = 0;
  for (const ok of results) {
    const next = afterResult(counter, ok, limits, (at += 1000));
    counter = next.counter;
    transitions.push(next.transition);
  }
  return { counter, transitions };
}

describe('check-state', () => {
  it('goes down only after fall failures in a row, and up after rise successes in a row', () => {
    const { counter, transitions } = feed(initialCounter(0, false), [
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(transitions).toEqual([null, 'up', null, null, null, null, null, 'down', null, 'up']);
    expect(counter).toMatchObject({ state: 'up', since: 10_000 });
  });

  it('stays unknown while results alternate', () => {
    expect(feed(initialCounter(0, false), [true, false, true, false]).counter.state).toBe('unknown');
  });

  it('a server its check left held starts down: failures change nothing, rise successes bring it up', () => {
    expect(feed(initialCounter(0, true), [false, false, false, false]).transitions).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(feed(initialCounter(0, true), [true, true]).transitions).toEqual([null, 'up']);
  });
});
