// A fake event loop for the scheduler's tests: timers and setImmediate turns on a clock that moves only
// when the loop moves it, so "how many checks start in one turn" is counted, not timed. Every callback it
// runs is one turn (`turn` counts them); microtasks (the checks' promises) are flushed after each.
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

  /**
   * Runs loop iterations until the clock passes `untilMs`, as Node does: every timer due now (a check's
   * answer is one: those of checks started together arrive together), then the immediates queued before
   * this phase. With nothing to do the clock jumps to the next timer.
   */
  async runUntil(untilMs: number): Promise<void> {
    for (;;) {
      await flushMicrotasks();
      this.timers = this.timers.filter((t) => !t.cancelled);
      if (this.immediates.length === 0) {
        if (this.timers.length === 0) return;
        const next = Math.min(...this.timers.map((t) => t.at));
        if (next > untilMs) {
          this.clock = untilMs;
          return;
        }
        this.clock = Math.max(this.clock, next);
      }
      for (const timer of this.timers.filter((t) => t.at <= this.clock).sort((a, b) => a.at - b.at)) {
        if (timer.cancelled) continue;
        timer.cancelled = true;
        this.turn += 1;
        timer.run();
        await flushMicrotasks();
      }
      const immediates = this.immediates;
      this.immediates = [];
      for (const run of immediates) {
        this.turn += 1;
        run();
        await flushMicrotasks();
      }
    }
  }
}

/** Lets every pending promise callback run (a real macrotask: all microtasks go before it). */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
