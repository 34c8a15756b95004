import type { WeightStep } from '@ipvs-dashboard/shared';
import type { SampleClock } from './sample-clock.js';

/**
 * A real server's weight over its history, as steps: the sample a weight started at and the weight. Weights
 * change only when someone (an operator, a hold, a slow-start ramp) sets them, so a server whose weight
 * stands still holds one step however long it stays, and recording it each sample is one comparison. Steps
 * are never averaged as the rate points are (history-tiers.ts): a mean of 4 and 8 is a weight nobody set,
 * and a ramp's staircase must stay a staircase on the 15-minute chart.
 */
export class WeightSteps {
  private readonly starts: number[] = [];
  private readonly weights: number[] = [];

  constructor(private readonly clock: SampleClock) {}

  get storedSteps(): number {
    return this.starts.length;
  }

  /** The weight at the clock's current sample: a new step only when it differs from the last. */
  record(weight: number): void {
    const last = this.weights.length - 1;
    if (last >= 0 && this.weights[last] === weight) return;
    this.starts.push(this.clock.current);
    this.weights.push(weight);
    this.dropBefore(this.clock.current - this.clock.capacity + 1);
  }

  /** Forgets steps that ended before `oldest`: the one in force at `oldest` stays. */
  private dropBefore(oldest: number): void {
    let drop = 0;
    while (drop + 1 < this.starts.length && this.starts[drop + 1]! <= oldest) drop += 1;
    if (drop === 0) return;
    this.starts.splice(0, drop);
    this.weights.splice(0, drop);
  }

  /**
   * The steps over the newest `samples` samples, oldest first; the first is stamped with the first of those
   * samples' time when its weight started earlier (so it lines up with the series' first point).
   */
  toArray(samples: number): WeightStep[] {
    if (samples <= 0 || this.starts.length === 0) return [];
    const current = this.clock.current;
    this.dropBefore(current - this.clock.capacity + 1);
    const oldest = current - Math.min(samples, this.clock.capacity) + 1;
    const out: WeightStep[] = [];
    for (let i = 0; i < this.starts.length; i++) {
      // A step that ended before the span asked for is not part of it.
      if (i + 1 < this.starts.length && this.starts[i + 1]! <= oldest) continue;
      const start = Math.max(this.starts[i]!, oldest);
      out.push({ at: this.clock.timeOf(start), weight: this.weights[i]! });
    }
    return out;
  }
}
