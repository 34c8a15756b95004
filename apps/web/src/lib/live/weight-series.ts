import type { WeightStep } from '@ipvs-dashboard/shared';

// Each real server's weight over time, as the steps GET /history sends (weight-steps.ts in the agent): a
// weight stands still for minutes, so a step is kept only when it changes, never one per sample.

/** By destinationId(): the server's steps, oldest first. */
export type WeightSeries = Record<string, WeightStep[]>;

/** The weights a service's rows have now (the table in the cache, which every change's snapshot updates). */
export interface CurrentWeight {
  id: string;
  weight: number;
}

/**
 * The steps after a sample at `at`: a step for each server whose weight differs from its last one, those of
 * servers no longer in the service dropped, and steps that ended more than `keepMs` ago forgotten (the one
 * in force then stays). The same object when nothing changed, so the charts skip a redraw.
 */
export function appendWeights(
  series: WeightSeries,
  current: readonly CurrentWeight[],
  at: number,
  keepMs: number,
): WeightSeries {
  let changed = Object.keys(series).length !== current.length;
  const next: WeightSeries = {};
  for (const { id, weight } of current) {
    const steps = series[id] ?? [];
    const last = steps[steps.length - 1];
    if (last && last.weight === weight) {
      next[id] = steps;
      continue;
    }
    changed = true;
    next[id] = trimSteps([...steps, { at: Math.max(at, last?.at ?? at), weight }], at - keepMs);
  }
  return changed ? next : series;
}

/** Without the steps that ended at or before `from`; the one in force at `from` stays. */
function trimSteps(steps: WeightStep[], from: number): WeightStep[] {
  let drop = 0;
  while (drop + 1 < steps.length && (steps[drop + 1]?.at ?? Infinity) <= from) drop += 1;
  return drop === 0 ? steps : steps.slice(drop);
}
