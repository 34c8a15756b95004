// At start the agent finishes what an earlier one left ramping (slow-start.ts persists every step), so a
// restart mid-ramp never leaves a real server at a step's reduced weight: resumed from the step due now,
// finished at once when its time is up, or dropped when the table moved past it. Reported in the log and
// in GET /info rampsAtStart.
import {
  destinationIdOf,
  planRamp,
  serviceIdOf,
  stepDueAt,
  type RampAtStart,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { HoldStore, type RampStore } from '../state/index.js';
import type { SlowStart } from './slow-start.js';

export async function resumeRamps(
  table: readonly ServiceWithDestinations[],
  store: RampStore,
  slowStart: SlowStart,
  now: number = Date.now(),
): Promise<RampAtStart[]> {
  const weights = new Map<string, number>();
  for (const service of table)
    for (const dest of service.destinations)
      weights.set(HoldStore.key(serviceIdOf(service), destinationIdOf(dest)), dest.weight);
  const found: RampAtStart[] = [];
  for (const [key, ramp] of store.list()) {
    const row = { service: ramp.service, destination: ramp.destination, target: ramp.target };
    const steps = planRamp(ramp.target, ramp.seconds);
    const weight = weights.get(key);
    // The step being applied when the agent stopped may have reached the kernel without being persisted.
    const at = steps.findIndex((step) => step.weight === weight);
    await slowStart.adopt(key, { ...ramp, index: at < 0 ? ramp.index : at, weight: weight ?? ramp.weight });
    if (weight === undefined || at < 0) {
      const why = weight === undefined ? 'gone from the table' : `has weight ${weight}, set by someone else`;
      await slowStart.drop(key, why);
      found.push({ ...row, weight: weight ?? 0, outcome: 'dropped', why });
      continue;
    }
    const due = stepDueAt(steps, now - ramp.startedAt);
    const finished = due === steps.length - 1;
    if (due > at && !(await slowStart.stepNow(key, due))) {
      found.push({ ...row, weight, outcome: 'dropped', why: 'its step was refused' });
      continue;
    }
    const current = steps[Math.max(due, at)]!.weight;
    found.push({
      ...row,
      weight: current,
      outcome: finished ? 'finished' : 'resumed',
      why: finished
        ? `its ${ramp.seconds} s were up: set to its target at once`
        : `went on from step ${Math.max(due, at) + 1} of ${steps.length}`,
    });
  }
  return found;
}

export function describeRampsAtStart(found: readonly RampAtStart[]): string[] {
  return found.map(
    (r) =>
      `slow start at start: ${r.destination} in ${r.service} ${r.outcome} (weight ${r.weight} of ${r.target}): ${r.why}`,
  );
}
