import { describe, expect, it } from 'vitest';
import type { RatePoint } from '../../../../lib/live/series';
import { chartRows, downsampleRows } from '../chart-rows';

const point = (at: number, cps: number): RatePoint => ({
  at,
  cps,
  inPps: 0,
  outPps: 0,
  inBps: 0,
  outBps: 0,
  activeConns: 0,
  inactiveConns: 0,
});

describe('chart-rows', () => {
  it('joins the total and each real server on the sample time', () => {
    const rows = chartRows(
      {
        total: [point(1000, 3), point(2000, 4)],
        destinations: { a: [point(1000, 1), point(2000, 2)], b: [point(2000, 2)] },
      },
      'cps',
      60_000,
      ['a', 'b'],
    );
    expect(rows).toEqual([
      { at: 1000, total: 3, a: 1 },
      { at: 2000, total: 4, a: 2, b: 2 },
    ]);
  });

  it('draws connections as active + inactive, what the thresholds are held against', () => {
    // The reported case: 1,100 inactive and none active against an upper threshold of 100.
    const busy: RatePoint = { ...point(1000, 0), activeConns: 0, inactiveConns: 1100 };
    expect(chartRows({ total: [busy], destinations: { a: [busy] } }, 'connections', 60_000, ['a'])).toEqual([
      { at: 1000, total: 1100, a: 1100 },
    ]);
  });

  it('keeps only the chosen window', () => {
    const total = Array.from({ length: 900 }, (_, i) => point(i * 1000, i));
    expect(chartRows({ total, destinations: {} }, 'cps', 60_000, [])).toHaveLength(60);
    expect(chartRows({ total, destinations: {} }, 'cps', 900_000, [])).toHaveLength(900);
  });

  it('thins long windows to at most the rows asked for, each the mean of its run of samples', () => {
    const rows = Array.from({ length: 900 }, (_, index) => ({ at: index * 1000, total: index % 2 ? 10 : 0 }));
    const thin = downsampleRows(rows, 150);
    expect(thin).toHaveLength(150);
    expect(thin.every((row) => row.total === 5)).toBe(true);
    expect(thin[thin.length - 1]?.at).toBe(899_000);
    const few = rows.slice(0, 100);
    expect(downsampleRows(few, 150)).toBe(few);
  });

  it('averages a server only over the samples where it has a value', () => {
    const thin = downsampleRows(
      [
        { at: 1, total: 2, a: 4 },
        { at: 2, total: 4 },
        { at: 3, total: 6, a: 8 },
        { at: 4, total: 8, a: 2 },
      ],
      2,
    );
    expect(thin).toEqual([
      { at: 2, total: 3, a: 4 },
      { at: 4, total: 7, a: 5 },
    ]);
  });
});
