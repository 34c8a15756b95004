import { describe, expect, it } from 'vitest';
import { historyResponseSchema } from '@ipvs-dashboard/shared';
import { HistoryStore } from '../history-store.js';
import { historyTiers } from '../history-tiers.js';
import { TableSampler } from '../../table-sampler.js';
import { dest, stats, tcpService } from '../../__tests__/fixtures.js';

const SID = 'tcp:10.0.0.1:80';
const DID = '10.0.1.1:80';
const T0 = 1_700_000_000_000;

/** An agent's history of 15 min at 1 s with its tiers, fed by the sampler as the monitor does. */
function history() {
  const store = new HistoryStore(900, historyTiers(900, 1000));
  const sampler = new TableSampler(store, 2);
  let n = 0;
  /** Takes `count` samples, one a second, with the real servers at these weights. */
  const take = (count: number, weights: readonly number[]) => {
    for (let i = 0; i < count; i++, n++) {
      const servers = weights.map((weight, k) => dest(`10.0.1.${k + 1}`, 80, { weight }));
      sampler.sample({ at: T0 + n * 1000, totals: stats(), table: [tcpService('10.0.0.1', 80, servers)] });
    }
  };
  const weightsOf = (did = DID, points?: number) => {
    const body = historyResponseSchema.parse(store.query(1000, SID, points ? { points } : {}));
    return body.services[0]!.destinations.find((d) => d.id === did)!.weights;
  };
  return { store, take, weightsOf, now: () => T0 + (n - 1) * 1000 };
}

describe('weight steps in the history', () => {
  it('keeps one step for a weight that stands still, however many samples', () => {
    const h = history();
    h.take(600, [8, 4]);
    expect(h.weightsOf()).toEqual([{ at: T0, weight: 8 }]);
    expect(h.weightsOf('10.0.1.2:80')).toEqual([{ at: T0, weight: 4 }]);
  });

  it('keeps a quiesce and a slow-start ramp as exact steps, not means, for the whole 15 minutes', () => {
    const h = history();
    h.take(10, [8]);
    h.take(20, [0]); // quiesced at sample 10
    for (const weight of [1, 2, 3, 5, 6, 7]) h.take(1, [weight]); // the ramp, a step a second
    h.take(60, [8]);
    const ramp = [
      { at: T0, weight: 8 },
      { at: T0 + 10_000, weight: 0 },
      { at: T0 + 30_000, weight: 1 },
      { at: T0 + 31_000, weight: 2 },
      { at: T0 + 32_000, weight: 3 },
      { at: T0 + 33_000, weight: 5 },
      { at: T0 + 34_000, weight: 6 },
      { at: T0 + 35_000, weight: 7 },
      { at: T0 + 36_000, weight: 8 },
    ];
    expect(h.weightsOf()).toEqual(ramp);
    // 13 minutes on, the rate points of the ramp are 9 s means; its weights are still each step.
    h.take(13 * 60 - 96, [8]);
    expect(h.weightsOf()).toEqual(ramp);
  });

  it('forgets steps older than the window but the one in force at its start, stamped with the first point', () => {
    const h = history();
    h.take(5, [3]);
    h.take(5, [9]);
    h.take(900, [9]); // samples 0-909: the window holds 10-909, all of them weight 9
    const weights = h.weightsOf()!;
    expect(weights).toEqual([{ at: T0 + 10_000, weight: 9 }]);
    const points = h.store.query(1000, SID).services[0]!.destinations[0]!.points;
    expect(points[0]?.at).toBe(weights[0]?.at);
    expect(points).toHaveLength(900);
  });

  it('answers the newest N points with the steps of that span and keeps the older ones for the next ask', () => {
    const h = history();
    h.take(30, [2]);
    h.take(30, [4]);
    expect(h.weightsOf(DID, 10)).toEqual([{ at: h.now() - 9000, weight: 4 }]);
    expect(h.weightsOf()).toEqual([
      { at: T0, weight: 2 },
      { at: T0 + 30_000, weight: 4 },
    ]);
  });

  it('starts a real server added later at its own first sample and forgets it when it leaves', () => {
    const h = history();
    h.take(10, [5]);
    h.take(10, [5, 7]);
    expect(h.weightsOf('10.0.1.2:80')).toEqual([{ at: T0 + 10_000, weight: 7 }]);
    h.take(1, [5]);
    expect(h.store.query(1000, SID).services[0]!.destinations.map((d) => d.id)).toEqual([DID]);
    h.take(1, [5, 1]);
    expect(h.weightsOf('10.0.1.2:80')).toEqual([{ at: T0 + 21_000, weight: 1 }]);
  });
});
