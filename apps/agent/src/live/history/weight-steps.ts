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
  /**
   * Pairs of numbers, [start sample, weight, start sample, weight, ...], oldest first: one flat array made as
   * a two-element literal at the first sample (exactly its size). Two arrays grown by push held some 500 bytes
   * a server for one step (V8 gives a pushed-to array room for 17): 5 MB more heap at 10,000 real servers
   * (bench/ws/history-memory.mjs), against about 1 MB this way.
   */
  private steps: number[] | null = null;

  constructor(private readonly clock: SampleClock) {}

  get storedSteps(): number {
    return this.steps ? this.steps.length / 2 : 0;
  }

  /** The weight at the clock's current sample: a new step only when it differs from the last. */
  record(weight: number): void {
    const steps = this.steps;
    if (steps === null) {
      this.steps = [this.clock.current, weight];
      return;
    }
    if (steps[steps.length - 1] === weight) return;
    steps.push(this.clock.current, weight);
    this.dropBefore(this.clock.current - this.clock.capacity + 1);
  }

  /** Forgets steps that ended at or before `oldest`: the one in force at `oldest` stays. */
  private dropBefore(oldest: number): void {
    const steps = this.steps;
    if (steps === null) return;
    let drop = 0;
    while (drop + 2 < steps.length && steps[drop + 2]! <= oldest) drop += 2;
    if (drop > 0) steps.splice(0, drop);
  }

  /**
   * The steps over the newest `samples` samples, oldest first; the first is stamped with the first of those
   * samples' time when its weight started earlier (so it lines up with the series' first point).
   */
  toArray(samples: number): WeightStep[] {
    if (samples <= 0 || this.steps === null) return [];
    const current = this.clock.current;
    this.dropBefore(current - this.clock.capacity + 1);
    const steps = this.steps;
    const oldest = current - Math.min(samples, this.clock.capacity) + 1;
    const out: WeightStep[] = [];
    for (let i = 0; i < steps.length; i += 2) {
      // A step that ended before the span asked for is not part of it.
      if (i + 2 < steps.length && steps[i + 2]! <= oldest) continue;
      out.push({ at: this.clock.timeOf(Math.max(steps[i]!, oldest)), weight: steps[i + 1]! });
    }
    return out;
  }
}
