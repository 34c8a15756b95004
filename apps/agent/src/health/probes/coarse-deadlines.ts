// Timeouts for thousands of probes without one Node timer each: arming a Node timer reads the clock, and in
// the user-mode Linux guest (no vDSO) every clock read is a system call, which at 10,000 servers checked
// every 2 s was a tenth of the agent's CPU. Here one interval timer ticks every TICK_MS while any probe
// waits, and a probe expires after a whole number of ticks: never before its timeout, at most 5% plus two
// ticks after it (1,080 ms for 1 s; plus however late the event loop is).

export const TICK_MS = 20;

export interface Deadline {
  /** Forgets the deadline (the probe answered first). */
  cancel(): void;
}

interface Waiting {
  expire: () => void;
  done: boolean;
}

export interface TickTimer {
  start(tick: () => void, everyMs: number): unknown;
  stop(handle: unknown): void;
}

const nodeTicks: TickTimer = {
  start: (tick, everyMs) => setInterval(tick, everyMs).unref(),
  stop: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export class CoarseDeadlines {
  private tick = 0;
  private readonly buckets = new Map<number, Waiting[]>();
  private waiting = 0;
  private timer: unknown = null;

  constructor(private readonly ticks: TickTimer = nodeTicks) {}

  /** Calls `expire` once `timeoutMs` has passed, unless cancelled first. */
  after(timeoutMs: number, expire: () => void): Deadline {
    // Ticks are at least TICK_MS - 1 apart (Node truncates to whole ms) and this one may be about to
    // come: whole ticks of TICK_MS - 1 covering the timeout, plus the one in progress.
    const at = this.tick + Math.ceil(timeoutMs / (TICK_MS - 1)) + 1;
    const entry: Waiting = { expire, done: false };
    const bucket = this.buckets.get(at);
    if (bucket) bucket.push(entry);
    else this.buckets.set(at, [entry]);
    this.waiting += 1;
    if (this.timer === null) this.timer = this.ticks.start(() => this.onTick(), TICK_MS);
    return {
      cancel: () => {
        if (entry.done) return;
        entry.done = true;
        this.settled();
      },
    };
  }

  private onTick(): void {
    this.tick += 1;
    const due = this.buckets.get(this.tick);
    if (!due) return;
    this.buckets.delete(this.tick);
    for (const entry of due) {
      if (entry.done) continue;
      entry.done = true;
      this.settled();
      entry.expire();
    }
  }

  /** One fewer waiting: with none left the timer stops, so an idle agent does not wake 50 times a second. */
  private settled(): void {
    this.waiting -= 1;
    if (this.waiting > 0 || this.timer === null) return;
    this.ticks.stop(this.timer);
    this.timer = null;
    this.buckets.clear();
  }
}

/** The network probes' shared deadlines. */
export const probeDeadlines = new CoarseDeadlines();
