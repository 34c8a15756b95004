import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '@ipvs-dashboard/shared';
import { liveBuckets } from '../live-buckets.js';
import { planRange } from '../range-plan.js';

const hour = 3_600_000;
const day = 24 * hour;
/** A round "now" a bit after a multiple of every step. */
const now = 1_800_000_000_000 + 7_000;

describe('planRange', () => {
  it('asks Prometheus up to the step before the agent memory starts, on round instants', () => {
    const plan = planRange(now - hour, now, now - 15 * 60_000);
    expect(plan.stepMs).toBe(15_000);
    expect(plan.rateWindowMs).toBe(120_000);
    expect(plan.start % 15_000).toBe(0);
    expect(plan.start).toBeGreaterThanOrEqual(now - hour);
    expect(plan.joinAt).toBe(Math.ceil((now - 15 * 60_000) / 15_000) * 15_000);
    expect(plan.prometheusEnd).toBe(plan.joinAt! - 15_000);
  });

  it('7 days at 30 min: the rate window is the step', () => {
    const plan = planRange(now - 7 * day, now, now - 900_000);
    expect([plan.stepMs, plan.rateWindowMs]).toEqual([1_800_000, 1_800_000]);
    expect((plan.end - plan.start) / plan.stepMs).toBeLessThanOrEqual(336);
  });

  it('memory younger than the last step: joined at `to`, Prometheus up to the last round instant', () => {
    const plan = planRange(now - 7 * day, now, now - 1_000);
    expect([plan.joinAt, plan.prometheusEnd]).toEqual([now, plan.end]);
  });

  it('all from Prometheus when the memory holds nothing of the range (or nothing at all)', () => {
    expect(planRange(now - 2 * day, now - day, now - 900_000)).toMatchObject({ joinAt: null });
    const none = planRange(now - hour, now, null);
    expect([none.joinAt, none.prometheusEnd]).toEqual([null, none.end]);
  });

  it('nothing from Prometheus when the memory covers the range', () => {
    const plan = planRange(now - 5 * 60_000, now, now - 900_000);
    expect(plan.prometheusEnd).toBeNull();
    expect(plan.joinAt).toBe(plan.start);
  });
});

const point = (at: number, cps: number, activeConns: number): HistoryPoint => ({
  at,
  cps,
  inPps: 0,
  outPps: 0,
  inBps: 0,
  outBps: 0,
  activeConns,
  inactiveConns: 0,
});

describe('liveBuckets', () => {
  it('one mean per step, stamped at the step end; the newest partial step at `to`', () => {
    const points = [point(1000, 1, 1), point(14_000, 3, 2), point(15_000, 5, 2), point(16_000, 7, 5)];
    expect(liveBuckets(points, 15_000, 17_000, 15_000)).toEqual([
      point(15_000, 3, 2),
      { ...point(17_000, 7, 5) },
    ]);
  });
});
