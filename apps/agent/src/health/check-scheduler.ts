// Starts the checks that are due, a few per event-loop turn. One timer for all real servers, not one each:
// with one timer per server, a loop that fell behind (a busy one-CPU guest) found every server's timer due
// at once, and Node runs every due timer in one pass before it looks at sockets again, so 1,000 connects
// and their bookkeeping ran as one multi-second block while the finished checks waited. Here a turn starts
// at most `maxPerTurn` checks and then yields (setImmediate), so finished checks, HTTP and the live stream
// are served between turns; and the clock is read once per turn, not three times per check (every clock
// read is a system call in the user-mode Linux guest).
import { DueHeap } from './due-heap.js';

/** The timers the scheduler uses: Node's, or a fake clock's in tests. */
export interface SchedulerTimers {
  now: () => number;
  setTimer: (run: () => void, delayMs: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Runs `run` in a later event-loop turn, after pending I/O (setImmediate). */
  nextTurn: (run: () => void) => void;
}

export const nodeTimers: SchedulerTimers = {
  now: () => Date.now(),
  setTimer: (run, delayMs) => setTimeout(run, delayMs).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
  nextTurn: (run) => setImmediate(run),
};

export interface CheckSchedulerOptions {
  /** The most checks one turn starts. */
  maxPerTurn: number;
  /** A check due within this many ms of a turn starts in that turn: fewer wake-ups, each a little early. */
  earlyMs: number;
}

/** Starting a check costs a socket and a connect (about 1 ms in the guest): 8 keep a turn under ~10 ms. */
export const DEFAULT_SCHEDULER_OPTIONS: CheckSchedulerOptions = { maxPerTurn: 8, earlyMs: 2 };

/** Something checked on a schedule; `scheduleToken` belongs to the scheduler (cancels older entries). */
export interface Scheduled {
  scheduleToken: number;
}

export class CheckScheduler<T extends Scheduled> {
  private readonly heap = new DueHeap<T>();
  private timer: unknown = null;
  /** When the armed timer fires (ms, the timers' clock); null with no timer armed. */
  private timerAt: number | null = null;
  private turnQueued = false;
  private clockWaiters: ((now: number) => void)[] = [];
  private armQueued = false;
  private stopped = false;

  constructor(
    /**
     * Starts one check. `now` is the turn's clock reading (when the check starts, give or take the turn);
     * `slot` is when it was due, or `now` when it starts late: the next check is timed from the slot, so
     * starting up to earlyMs early never makes a server's rhythm creep earlier round after round.
     */
    private readonly start: (item: T, now: number, slot: number) => void,
    private readonly timers: SchedulerTimers = nodeTimers,
    private readonly options: CheckSchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
  ) {}

  /** Runs `item` at `dueAt` (ms, the timers' clock), replacing any time it was given before. */
  at(item: T, dueAt: number): void {
    if (this.stopped) return;
    item.scheduleToken += 1;
    this.heap.push({ dueAt, item, token: item.scheduleToken });
    if (this.timerAt === null || dueAt < this.timerAt) this.armSoon();
  }

  /**
   * The clock as the next turn reads it: the checks that finish in one event-loop iteration share one
   * clock read (at most one iteration late, the time their results carry).
   */
  nextReading(): Promise<number> {
    return new Promise((resolve) => {
      this.clockWaiters.push(resolve);
      this.queueTurn();
    });
  }

  /** Forgets `item`'s next run. */
  cancel(item: T): void {
    item.scheduleToken += 1;
  }

  stop(): void {
    this.stopped = true;
    this.heap.clear();
    this.disarm();
  }

  /** Pending entries, cancelled ones included until they come up (tests, and the docs' memory figure). */
  get queued(): number {
    return this.heap.size;
  }

  /** Many `at` calls in one turn (10,000 servers added) arm the timer once, after the last of them. */
  private armSoon(): void {
    if (this.armQueued || this.turnQueued) return;
    this.armQueued = true;
    queueMicrotask(() => {
      this.armQueued = false;
      if (!this.turnQueued && !this.stopped) this.arm(this.timers.now());
    });
  }

  private disarm(): void {
    if (this.timer !== null) this.timers.clearTimer(this.timer);
    this.timer = null;
    this.timerAt = null;
  }

  /** Sets the one timer for the earliest live entry (kept if already so), or queues a turn when it is due. */
  private arm(now: number): void {
    const next = this.earliestLive();
    if (next === undefined || this.stopped) {
      this.disarm();
      return;
    }
    if (next <= now + this.options.earlyMs) {
      this.queueTurn();
      return;
    }
    // Re-arming costs a clock read in Node: keep a timer that already fires for this entry.
    if (this.timer !== null && this.timerAt === next) return;
    this.disarm();
    this.timerAt = next;
    this.timer = this.timers.setTimer(() => {
      this.timer = null;
      this.timerAt = null;
      this.turn();
    }, next - now);
  }

  private queueTurn(): void {
    if (this.turnQueued) return;
    this.turnQueued = true;
    this.timers.nextTurn(() => {
      this.turnQueued = false;
      this.turn();
    });
  }

  /** One turn: start up to maxPerTurn due checks, then wait for the next (yielding first if more are due). */
  private turn(): void {
    const now = this.timers.now();
    if (this.clockWaiters.length > 0) {
      const waiters = this.clockWaiters;
      this.clockWaiters = [];
      for (const resolve of waiters) resolve(now);
    }
    if (this.stopped) return;
    const until = now + this.options.earlyMs;
    let started = 0;
    while (started < this.options.maxPerTurn) {
      const entry = this.heap.peek();
      if (entry === undefined || entry.dueAt > until) break;
      this.heap.pop();
      if (entry.token !== entry.item.scheduleToken) continue;
      // Taken off the queue before it starts: a check is never queued twice, so never runs twice at once.
      entry.item.scheduleToken += 1;
      started += 1;
      this.start(entry.item, now, Math.max(now, entry.dueAt));
    }
    this.arm(now);
  }

  /** The due time of the first entry not cancelled, dropping cancelled ones from the top. */
  private earliestLive(): number | undefined {
    for (;;) {
      const entry = this.heap.peek();
      if (entry === undefined) return undefined;
      if (entry.token === entry.item.scheduleToken) return entry.dueAt;
      this.heap.pop();
    }
  }
}
