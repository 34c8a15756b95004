// Lets a long run of synchronous kernel calls share the event loop: after about `sliceMs` of work it
// waits one setImmediate turn, so HTTP and WebSocket traffic are served while a 1,000-service snapshot
// is read. The clock is read only every `stride` items: in the user-mode-Linux guest every clock read is
// a real system call (no vDSO), and reading it per item cost ~300 ms per 1,000 x 10 snapshot. Without
// the stride (a clock read per item): bench:netlink 2026-12-07 ratio 0.269/0.258 vs 0.24/0.195 (target 0.25).
import { performance } from 'node:perf_hooks';

const MAX_STRIDE = 256;

export class EventLoopSlicer {
  private sliceStart: number;
  private lastCheck: number;
  private itemsSinceCheck = 0;
  private stride = 1;

  /** `now` and `yieldTurn` are injectable so tests do not depend on how loaded the machine is. */
  constructor(
    private readonly sliceMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly yieldTurn: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  ) {
    this.sliceStart = this.now();
    this.lastCheck = this.sliceStart;
  }

  /** Call when the items change kind (cheap decodes -> kernel calls): the stride is re-learned. */
  newKindOfWork(): void {
    this.stride = 1;
    this.itemsSinceCheck = 0;
  }

  /** Call after each item of work; yields to the event loop when the slice is used up. */
  async maybeYield(): Promise<void> {
    if (++this.itemsSinceCheck < this.stride) return;
    const now = this.now();
    const perItem = (now - this.lastCheck) / this.itemsSinceCheck;
    this.lastCheck = now;
    this.itemsSinceCheck = 0;
    // Aim the next check at a quarter slice away, so a slice overshoots by at most about that much.
    this.stride = Math.max(1, Math.min(MAX_STRIDE, Math.floor(this.sliceMs / 4 / Math.max(perItem, 0.001))));
    if (now - this.sliceStart < this.sliceMs) return;
    await this.yieldTurn();
    this.sliceStart = this.now();
    this.lastCheck = this.sliceStart;
  }
}
