// Series with tiers (history-tiers.ts): what GET /history serves once points age past a tier's span is the
// mean of their bucket, exactly as a chart of that window would have drawn it from every sample.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '@ipvs-dashboard/shared';
import type { HistoryTier } from '../history-tiers.js';
import { historyTiers } from '../history-tiers.js';
import { SampleClock } from '../sample-clock.js';
import { SeriesRing } from '../series-ring.js';

type Numbers = Omit<HistoryPoint, 'at'>;
const FIELDS = ['cps', 'inPps', 'outPps', 'inBps', 'outBps', 'activeConns', 'inactiveConns'] as const;

function numbers(n: number): Numbers {
  return {
    cps: n,
    inPps: n * 1.5,
    outPps: n / 3,
    inBps: n * 1000.25,
    outBps: n * 1e6,
    activeConns: n % 7,
    inactiveConns: 3 * n,
  };
}

/** What sample `s` shows at newest sample `c`: its value, or the mean of the coarsest bucket it has aged into. */
function expected(raw: (Numbers | undefined)[], tiers: readonly HistoryTier[], s: number, c: number) {
  let value = raw[s]!;
  for (let k = 1; k < tiers.length; k++) {
    const every = tiers[k]!.every;
    const from = s - (s % every);
    if (from + every > c - tiers[k - 1]!.span + 1) break;
    const bucket = raw.slice(from, from + every).filter((v): v is Numbers => v !== undefined);
    value = Object.fromEntries(
      FIELDS.map((f) => [f, bucket.reduce((sum, v) => sum + v[f], 0) / bucket.length]),
    ) as unknown as Numbers;
  }
  return value;
}

function expectClose(actual: HistoryPoint, wanted: Numbers): void {
  for (const f of FIELDS.slice(0, 5))
    expect(actual[f]).toBeCloseTo(wanted[f], Math.abs(wanted[f]) > 1e4 ? -1 : 3);
  // Gauges are whole connections: a mean of means, each rounded, is within one of the exact mean.
  expect(Math.abs(actual.activeConns - wanted.activeConns)).toBeLessThanOrEqual(1);
  expect(Math.abs(actual.inactiveConns - wanted.inactiveConns)).toBeLessThanOrEqual(1);
}

describe('tiered series-ring', () => {
  it('serves every sample of the window, aged ones as the means the charts draw', () => {
    const tiers: HistoryTier[] = [
      { every: 1, span: 4 },
      { every: 2, span: 8 },
      { every: 4, span: 16 },
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        // Per sample: a value to push, or null for no push (the series repeats its previous point).
        fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), { minLength: 1, maxLength: 70 }),
        fc.array(fc.integer({ min: 0, max: 69 }), { maxLength: 5 }),
        (joinAt, picks, readsAt) => {
          const clock = new SampleClock(16, tiers);
          const ring = new SeriesRing(clock);
          const raw: (Numbers | undefined)[] = [];
          let current: Numbers | undefined;
          picks.forEach((pick, s) => {
            clock.begin(10_000 + s * 1000);
            if (s >= joinAt && (pick !== null || current === undefined)) {
              current = numbers(pick ?? 0);
              ring.push(current, current.activeConns, current.inactiveConns);
            }
            raw[s] = current;
            // Reads in between must not change what later reads see.
            if (readsAt.includes(s)) ring.toArray();
          });
          const c = picks.length - 1;
          const served = ring.toArray();
          const from = Math.max(joinAt, c - 15);
          expect(served.map((p) => p.at)).toEqual(
            Array.from({ length: Math.max(0, c - from + 1) }, (_, i) => 10_000 + (from + i) * 1000),
          );
          served.forEach((point, i) => expectClose(point, expected(raw, tiers, from + i, c)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('holds a busy series of 15 minutes at 1 s in about 210 points, not 900', () => {
    const clock = new SampleClock(900, historyTiers(900, 1000));
    const ring = new SeriesRing(clock);
    for (let s = 0; s < 2000; s++) {
      clock.begin(s * 1000);
      const n = numbers(s % 11);
      ring.push(n, n.activeConns, n.inactiveConns);
    }
    expect(ring.storedPoints).toBeLessThanOrEqual(60 + 80 + 67 + 3);
    const points = ring.toArray();
    expect(points).toHaveLength(900);
    // The last minute is every sample as it was; 14 minutes ago, means of 9 (0..10 repeating: not constant).
    const newest = numbers(1999 % 11);
    expect(points[899]).toEqual({ at: 1_999_000, ...newest, outPps: Math.fround(newest.outPps) });
    const old = points.slice(0, 9).map((p) => p.cps);
    expect(new Set(old).size).toBeLessThanOrEqual(2);
  });

  it('keeps an idle series in one point and a series that went idle in a few', () => {
    const clock = new SampleClock(900, historyTiers(900, 1000));
    const idle = new SeriesRing(clock);
    const wentIdle = new SeriesRing(clock);
    for (let s = 0; s < 1200; s++) {
      clock.begin(s * 1000);
      if (s === 0) idle.push(numbers(0), 0, 0);
      // Idle from sample 297 (a 9-sample bucket's first) on: the window's oldest bucket is all idle.
      const n = numbers(s < 297 ? s % 5 : 2);
      if (s <= 297) wentIdle.push(n, n.activeConns, n.inactiveConns);
    }
    expect(idle.toArray()).toHaveLength(900);
    expect(idle.storedPoints).toBe(1);
    expect(wentIdle.toArray().every((p) => p.cps === 2)).toBe(true);
    expect(wentIdle.storedPoints).toBe(1);
  });
});
