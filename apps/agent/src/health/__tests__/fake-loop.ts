// A fake event loop for the scheduler's tests: timers and setImmediate turns on a clock that moves only
// when the loop moves it, so "how many checks start in one turn" is counted, not timed. Every callback it
// runs is one turn; microtasks (the checks' promises) are flushed after each.
import type { SchedulerTimers } from '../check-scheduler.js';

interface FakeTimer {
  at: number;
  run: () => void;
  cancelled: boolean;
}

export class FakeLoop implements SchedulerTimers {
  clock = 0;
  turn = 0;
  clockReads = 0;
  private timers: FakeTimer[] = [];
  private immediates: (() => void)[] = [];

  now = (): number => {
    this.clockReads += 1;
    return this.clock;
  };

  setTimer = (run: () => void, delayMs: number): unknown => {
    const timer = { at: this.clock + Math.max(1, delayMs), run, cancelled: false };
    this.timers.push(timer);
    return timer;
  };

  clearTimer = (handle: unknown): void => {
    (handle as FakeTimer).cancelled = true;
  };

  nextTurn = (run: () => void): void => {
    this.immediates.push(run);
  };

  /** Runs turns until the clock passes `untilMs`: immediates first, else the earliest timer (moving the clock). */
  async runUntil(untilMs: number): Promise<void> {
    for (;;) {
      await flushMicrotasks();
      const immediate = this.immediates.shift();
      if (immediate) {
        this.turn += 1;
        immediate();
        continue;
      }
      this.timers = this.timers.filter((t) => !t.cancelled);
      if (this.timers.length === 0) return;
      const next = this.timers.reduce((a, b) => (b.at < a.at ? b : a));
      if (next.at > untilMs) {
        this.clock = untilMs;
        return;
      }
      this.clock = Math.max(this.clock, next.at);
      next.cancelled = true;
      this.turn += 1;
      next.run();
    }
  }
}

/** Lets every pending promise callback run (a real macrotask: all microtasks go before it). */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
