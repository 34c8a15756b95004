// Lets a long run of synchronous kernel calls share the event loop: after `sliceMs` of work it waits one
// setImmediate turn, so HTTP and WebSocket traffic are served while a 1,000-service snapshot is read.
import { performance } from 'node:perf_hooks';

export class EventLoopSlicer {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs: number) {}

  /** Yields to the event loop if the current slice is used up; cheap to call after every request. */
  async maybeYield(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}
