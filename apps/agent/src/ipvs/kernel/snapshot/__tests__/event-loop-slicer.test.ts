import { describe, expect, it } from 'vitest';
import { EventLoopSlicer } from '../event-loop-slicer.js';

/** A clock that only moves when work is done, and a record of where the slicer yielded. */
function harness(sliceMs: number) {
  let clock = 0;
  const yieldsAt: number[] = [];
  const slicer = new EventLoopSlicer(
    sliceMs,
    () => clock,
    () => {
      yieldsAt.push(clock);
      return Promise.resolve();
    },
  );
  return {
    slicer,
    yieldsAt,
    work: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
}

/** The longest stretch of simulated work between two yields (or from the start to the first one). */
function longestStretch(yieldsAt: number[], end: number): number {
  let longest = 0;
  let previous = 0;
  for (const at of [...yieldsAt, end]) {
    longest = Math.max(longest, at - previous);
    previous = at;
  }
  return longest;
}

describe('event-loop-slicer', () => {
  it('yields about once a slice during a long loop of short steps, and not after every step', async () => {
    const { slicer, yieldsAt, work, now } = harness(8);
    for (let i = 0; i < 400; i++) {
      work(0.25);
      await slicer.maybeYield();
    }
    // 100 ms of work in 8 ms slices: about a dozen yields; one per step would be 400.
    expect(yieldsAt.length).toBeGreaterThanOrEqual(8);
    expect(yieldsAt.length).toBeLessThan(20);
    expect(longestStretch(yieldsAt, now())).toBeLessThan(12);
  });

  it('re-learns its stride when cheap steps give way to expensive ones', async () => {
    const { slicer, yieldsAt, work, now } = harness(8);
    for (let i = 0; i < 2000; i++) {
      work(0.001);
      await slicer.maybeYield();
    }
    slicer.newKindOfWork();
    const start = now();
    yieldsAt.length = 0;
    for (let i = 0; i < 100; i++) {
      work(1);
      await slicer.maybeYield();
    }
    // With the cheap steps' stride kept, all 100 expensive steps (100 ms) would run without a yield.
    expect(
      longestStretch(
        yieldsAt.map((at) => at - start),
        now() - start,
      ),
    ).toBeLessThan(12);
  });
});
