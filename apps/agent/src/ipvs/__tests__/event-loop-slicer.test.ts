import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { EventLoopSlicer } from '../event-loop-slicer.js';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('event-loop-slicer', () => {
  it('lets timers run during a long loop of short synchronous steps, and not after every step', async () => {
    const slicer = new EventLoopSlicer(8);
    let turns = 0;
    let running = true;
    const tick = (): void => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    for (let i = 0; i < 400; i++) {
      busy(0.25);
      await slicer.maybeYield();
    }
    running = false;
    // 100 ms of work in 8 ms slices: roughly a dozen turns; one per step would be 400.
    expect(turns).toBeGreaterThanOrEqual(6);
    expect(turns).toBeLessThan(100);
  });

  it('re-learns its stride when cheap steps give way to expensive ones', async () => {
    const slicer = new EventLoopSlicer(8);
    for (let i = 0; i < 2000; i++) await slicer.maybeYield();
    slicer.newKindOfWork();
    let last = performance.now();
    let longest = 0;
    let running = true;
    const tick = (): void => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    for (let i = 0; i < 100; i++) {
      busy(1);
      await slicer.maybeYield();
    }
    running = false;
    // With the cheap steps' stride kept, about 50 expensive steps (50 ms) would run in one stretch.
    expect(longest).toBeLessThan(30);
  });
});
