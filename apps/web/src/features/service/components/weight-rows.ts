import type { WeightSeries } from '../../../lib/live/weight-series';
import type { ChartRow } from './chart-rows';

// The weight chart's data: a row where any server's weight changed, one at the window's start (the weights
// then in force) and one at its end (now), each holding every server's weight at that time. The chart draws
// each column as a step line (chart-lines.tsx stepPath), so a row per change is all it needs: a ramp of ten
// steps is a dozen rows, however long the window, where one row a sample would be 900.

function weightAt(steps: readonly { at: number; weight: number }[], at: number): number | undefined {
  let weight: number | undefined;
  for (const step of steps) {
    if (step.at > at) break;
    weight = step.weight;
  }
  return weight;
}

/** Rows over the window ending at `end`, oldest first; a server without a step yet has no value there. */
export function weightRows(
  weights: WeightSeries,
  destinations: readonly string[],
  windowMs: number,
  end: number,
): ChartRow[] {
  const from = end - windowMs;
  const times = new Set<number>();
  for (const did of destinations) {
    const steps = weights[did] ?? [];
    const first = steps[0];
    if (!first || first.at > end) continue;
    times.add(Math.max(first.at, from));
    for (const step of steps) if (step.at > from && step.at <= end) times.add(step.at);
    times.add(end);
  }
  return [...times]
    .sort((a, b) => a - b)
    .map((at) => {
      const row: ChartRow = { at };
      for (const did of destinations) {
        const weight = weightAt(weights[did] ?? [], at);
        if (weight !== undefined) row[did] = weight;
      }
      return row;
    });
}

/** Each server's weight now (its last step), for the chart's text alternative. */
export function currentWeights(weights: WeightSeries, destinations: readonly string[]): Map<string, number> {
  const now = new Map<string, number>();
  for (const did of destinations) {
    const last = weights[did]?.at(-1);
    if (last) now.set(did, last.weight);
  }
  return now;
}

/** Slots per window the live weight chart's end moves by (5 s of the 1-minute window). */
const WINDOW_SLOTS = 12;

/**
 * Where the live weight chart's window ends: `end` rounded down to a twelfth of the window while no weight
 * changed in that slot, else `end` itself. Weights stand still for minutes, so the chart is redrawn with
 * every sample only in the slot after a change (a ramp drawn as it happens, a server just added drawn once
 * it has two samples) and otherwise once a slot: once a second, its redraw cost the 1-minute page about
 * three points of main-thread time (bench:ui), for a line that had not moved.
 */
export function liveWeightEnd(weights: WeightSeries, end: number, windowMs: number): number {
  const slot = windowMs / WINDOW_SLOTS;
  const slotStart = Math.floor(end / slot) * slot;
  for (const steps of Object.values(weights)) {
    const last = steps[steps.length - 1];
    if (last && last.at <= end && last.at > slotStart) return end;
  }
  return slotStart;
}
