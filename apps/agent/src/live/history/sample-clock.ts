import { singleTier, type HistoryTier } from './history-tiers.js';

/**
 * The times of the last `capacity` samples, shared by every series of a history store: every row present
 * has a point at every sample (the series of a row that left is forgotten), so a series needs only the
 * number of its first sample. It also holds the tiers (history-tiers.ts) every series ages its points by.
 */
export class SampleClock {
  private readonly times: Float64Array;
  private count = 0;
  readonly tiers: readonly HistoryTier[];

  constructor(
    readonly capacity: number,
    tiers: readonly HistoryTier[] = singleTier(capacity),
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be >= 1');
    this.times = new Float64Array(capacity);
    this.tiers = tiers;
  }

  /** Starts the next sample, taken at `at`. */
  begin(at: number): void {
    this.times[this.count % this.capacity] = at;
    this.count += 1;
  }

  /** The number of the current sample (0 for the first), -1 before any. */
  get current(): number {
    return this.count - 1;
  }

  timeOf(sample: number): number {
    return this.times[sample % this.capacity]!;
  }
}
