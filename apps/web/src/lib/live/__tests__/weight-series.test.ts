import { describe, expect, it } from 'vitest';
import { appendWeights } from '../weight-series';

const A = '10.20.7.1:80';
const B = '10.20.7.2:80';
const KEEP = 900_000;

describe('weight-series', () => {
  it('adds a step only when a weight changes, and keeps the same object while none does', () => {
    const first = appendWeights({}, [{ id: A, weight: 8 }], 1000, KEEP);
    expect(first).toEqual({ [A]: [{ at: 1000, weight: 8 }] });
    expect(appendWeights(first, [{ id: A, weight: 8 }], 2000, KEEP)).toBe(first);
    const quiesced = appendWeights(first, [{ id: A, weight: 0 }], 3000, KEEP);
    expect(quiesced[A]).toEqual([
      { at: 1000, weight: 8 },
      { at: 3000, weight: 0 },
    ]);
  });

  it('starts a new server at its first sample and drops a server that left', () => {
    const one = appendWeights({}, [{ id: A, weight: 8 }], 1000, KEEP);
    const two = appendWeights(
      one,
      [
        { id: A, weight: 8 },
        { id: B, weight: 4 },
      ],
      2000,
      KEEP,
    );
    expect(two[B]).toEqual([{ at: 2000, weight: 4 }]);
    expect(two[A]).toBe(one[A]);
    expect(appendWeights(two, [{ id: B, weight: 4 }], 3000, KEEP)).toEqual({
      [B]: [{ at: 2000, weight: 4 }],
    });
  });

  it('forgets steps that ended before the kept span, keeping the one in force at its start', () => {
    let series = appendWeights({}, [{ id: A, weight: 1 }], 0, KEEP);
    series = appendWeights(series, [{ id: A, weight: 2 }], 100_000, KEEP);
    series = appendWeights(series, [{ id: A, weight: 3 }], 200_000, KEEP);
    series = appendWeights(series, [{ id: A, weight: 4 }], 1_050_000, KEEP);
    // Kept from 150 s: weight 2 (from 100 s) was in force then.
    expect(series[A]?.map((step) => step.weight)).toEqual([2, 3, 4]);
  });
});
