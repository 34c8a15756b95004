import { describe, expect, it } from 'vitest';
import { MAX_RAMP_STEPS, MIN_STEP_MS, planRamp, stepDueAt } from '../ramp-plan.js';

describe('planRamp', () => {
  it('rises from a small weight to exactly the target over the time, first step at once', () => {
    const steps = planRamp(100, 30);
    expect(steps).toHaveLength(MAX_RAMP_STEPS);
    expect(steps[0]).toEqual({ atMs: 0, weight: 10 });
    expect(steps.at(-1)).toEqual({ atMs: 30_000, weight: 100 });
    expect(steps.map((s) => s.weight)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('spaces the steps evenly and strictly rising in time and weight', () => {
    const steps = planRamp(7, 12);
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i]!.atMs).toBeGreaterThan(steps[i - 1]!.atMs);
      expect(steps[i]!.weight).toBeGreaterThan(steps[i - 1]!.weight);
    }
    expect(steps).toHaveLength(7); // never more steps than the target has weights
    expect(steps.at(-1)).toEqual({ atMs: 12_000, weight: 7 });
  });

  it('never puts two steps closer than a second', () => {
    const steps = planRamp(1000, 3);
    expect(steps.map((s) => s.atMs)).toEqual([0, 1000, 2000, 3000]);
    expect(steps.map((s) => s.weight)).toEqual([250, 500, 750, 1000]);
    for (let i = 1; i < steps.length; i++)
      expect(steps[i]!.atMs - steps[i - 1]!.atMs).toBeGreaterThanOrEqual(MIN_STEP_MS);
  });

  it('keeps fractional seconds', () => {
    expect(planRamp(4, 1.5).map((s) => s.atMs)).toEqual([0, 1500]);
  });

  it('is a single step to the target when there is nothing to ramp', () => {
    expect(planRamp(100, 0)).toEqual([{ atMs: 0, weight: 100 }]);
    expect(planRamp(100, 0.5)).toEqual([{ atMs: 0, weight: 100 }]);
    expect(planRamp(1, 60)).toEqual([{ atMs: 0, weight: 1 }]);
  });

  it('ends at exactly an odd target and starts at 1 or more', () => {
    const steps = planRamp(3, 600);
    expect(steps.map((s) => s.weight)).toEqual([1, 2, 3]);
    expect(steps.at(-1)!.atMs).toBe(600_000);
    const big = planRamp(2147483647, 10);
    expect(big.at(-1)!.weight).toBe(2147483647);
    expect(big[0]!.weight).toBeGreaterThanOrEqual(1);
  });
});

describe('stepDueAt', () => {
  const steps = planRamp(100, 9); // at 0, 1, ... 9 s
  it('names the last step whose time has come', () => {
    expect(stepDueAt(steps, 0)).toBe(0);
    expect(stepDueAt(steps, 999)).toBe(0);
    expect(stepDueAt(steps, 1000)).toBe(1);
    expect(stepDueAt(steps, 4500)).toBe(4);
  });
  it('is the last step once the time is up (an agent back after the ramp should have ended)', () => {
    expect(stepDueAt(steps, 60_000)).toBe(steps.length - 1);
  });
});
