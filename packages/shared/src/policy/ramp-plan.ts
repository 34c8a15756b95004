// The slow-start ramp as a plan of weights over time: pure, so the agent's runner (apps/agent/src/ramps)
// only times and applies it, and a restarted agent finds the step due now from the same plan.

/** No two steps closer than this: a step every few hundred ms would flood the change pipeline. */
export const MIN_STEP_MS = 1000;
/** At most this many steps: each is a kernel write and a journal entry. */
export const MAX_RAMP_STEPS = 10;

export interface RampStep {
  /** ms after the ramp started */
  atMs: number;
  weight: number;
}

/**
 * The steps from a small weight to `target` over `seconds`: the first at once, the last (exactly `target`)
 * at `seconds`, evenly spaced, never closer than MIN_STEP_MS, never more than MAX_RAMP_STEPS, and never more
 * steps than the target has weights (every step a distinct weight, rising). No ramp (one step to the
 * target at once) when seconds or target is 0 or the target is 1.
 */
export function planRamp(target: number, seconds: number): RampStep[] {
  const durationMs = Math.round(seconds * 1000);
  const byTime = Math.floor(durationMs / MIN_STEP_MS) + 1;
  const count = Math.min(MAX_RAMP_STEPS, target, byTime);
  if (count < 2 || target <= 1) return [{ atMs: 0, weight: target }];
  const steps: RampStep[] = [];
  for (let k = 1; k <= count; k++) {
    steps.push({
      atMs: Math.round((durationMs * (k - 1)) / (count - 1)),
      weight: k === count ? target : Math.max(1, Math.round((target * k) / count)),
    });
  }
  return steps;
}

/** The index of the last step due `elapsedMs` after the start (0 before the first is due). */
export function stepDueAt(steps: readonly RampStep[], elapsedMs: number): number {
  let due = 0;
  for (let index = 0; index < steps.length; index++) if (steps[index]!.atMs <= elapsedMs) due = index;
  return due;
}
