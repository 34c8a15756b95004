import { describe, expect, it } from 'vitest';
import type { RatePoint } from '../../../../lib/live/series';
import { chartRows } from '../chart-rows';

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

  it('keeps only the chosen window', () => {
    const total = Array.from({ length: 900 }, (_, i) => point(i * 1000, i));
    expect(chartRows({ total, destinations: {} }, 'cps', 60_000, [])).toHaveLength(60);
    expect(chartRows({ total, destinations: {} }, 'cps', 900_000, [])).toHaveLength(900);
  });
});
