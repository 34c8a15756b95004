import { describe, expect, it } from 'vitest';
import { CoarseDeadlines, TICK_MS, type TickTimer } from '../probes/coarse-deadlines.js';

/** Ticks by hand; `running` says whether the interval timer is on. */
function manualTicks() {
  let tick: (() => void) | null = null;
  let starts = 0;
  const ticks: TickTimer = {
    start: (run) => {
      tick = run;
      starts += 1;
      return 'timer';
    },
    stop: () => {
      tick = null;
    },
  };
  return {
    ticks,
    fire: (times = 1) => {
      for (let i = 0; i < times; i++) tick?.();
    },
    get running() {
      return tick !== null;
    },
    get starts() {
      return starts;
    },
  };
}

describe('CoarseDeadlines', () => {
  it('expires a probe never before its timeout and at most 5% plus two ticks after it', () => {
    const clock = manualTicks();
    const deadlines = new CoarseDeadlines(clock.ticks);
    let expiredAfterTicks = -1;
    let fired = 0;
    deadlines.after(1000, () => (expiredAfterTicks = fired));
    // Ticks can come as little as TICK_MS - 1 apart, and the first one right away.
    const minimumTicks = Math.ceil(1000 / (TICK_MS - 1)) + 1;
    while (expiredAfterTicks < 0 && fired < 1000) {
      fired += 1;
      clock.fire();
    }
    expect(expiredAfterTicks).toBe(minimumTicks);
    // (minimumTicks - 1) whole ticks of at least TICK_MS - 1 ms: the timeout has passed.
    expect((minimumTicks - 1) * (TICK_MS - 1)).toBeGreaterThanOrEqual(1000);
    // At full-length ticks: 1,080 ms for a 1 s timeout.
    expect(minimumTicks * TICK_MS).toBeLessThanOrEqual(1000 * 1.05 + 2 * TICK_MS);
  });

  it('forgets a cancelled deadline and stops ticking when nothing waits', () => {
    const clock = manualTicks();
    const deadlines = new CoarseDeadlines(clock.ticks);
    let expired = 0;
    const answered = deadlines.after(100, () => (expired += 1));
    deadlines.after(100, () => (expired += 1));
    answered.cancel();
    answered.cancel();
    expect(clock.running).toBe(true);
    clock.fire(20);
    expect(expired).toBe(1);
    expect(clock.running).toBe(false);
    deadlines.after(100, () => (expired += 1));
    expect(clock.starts).toBe(2);
    clock.fire(20);
    expect(expired).toBe(2);
  });

  it('keeps 10,000 waiting probes on one timer', () => {
    const clock = manualTicks();
    const deadlines = new CoarseDeadlines(clock.ticks);
    let expired = 0;
    for (let i = 0; i < 10_000; i++) deadlines.after(1000 + (i % 7), () => (expired += 1));
    expect(clock.starts).toBe(1);
    clock.fire(100);
    expect(expired).toBe(10_000);
    expect(clock.running).toBe(false);
  });
});
