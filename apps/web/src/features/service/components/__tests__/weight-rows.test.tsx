import { render } from '@testing-library/react';
import { LineChart, XAxis, YAxis } from 'recharts';
import { describe, expect, it } from 'vitest';
import { ChartLines, lineSteps, stepPath } from '../chart-lines';
import { currentWeights, liveWeightEnd, weightRows } from '../weight-rows';

const identity = (value: number) => value;
const A = '10.20.7.1:80';
const B = '10.20.7.2:80';

// A quiesce at 10 s and a slow-start ramp back to 8 from 30 s, a step a second; B stays at 4 throughout.
const weights = {
  [A]: [
    { at: 0, weight: 8 },
    { at: 10_000, weight: 0 },
    ...[1, 2, 3, 5, 6, 7, 8].map((weight, k) => ({ at: 30_000 + k * 1000, weight })),
  ],
  [B]: [{ at: 0, weight: 4 }],
};

describe('weight-rows', () => {
  it('has a row per change plus the window start and end, every server at the weight in force then', () => {
    const rows = weightRows(weights, [A, B], 60_000, 40_000);
    expect(rows.map((row) => row.at)).toEqual([
      0, 10_000, 30_000, 31_000, 32_000, 33_000, 34_000, 35_000, 36_000, 40_000,
    ]);
    expect(rows.map((row) => row[A])).toEqual([8, 0, 1, 2, 3, 5, 6, 7, 8, 8]);
    expect(rows.every((row) => row[B] === 4)).toBe(true);
  });

  it('starts a window that opens mid-way at the weight then in force, and leaves out older changes', () => {
    const rows = weightRows(weights, [A], 12_000, 44_000);
    // From 32 s: weight 3 was set at 32 s exactly; 2 (31 s) and older are before the window.
    expect(rows.map((row) => [row.at, row[A]])).toEqual([
      [32_000, 3],
      [33_000, 5],
      [34_000, 6],
      [35_000, 7],
      [36_000, 8],
      [44_000, 8],
    ]);
    const later = weightRows(weights, [A], 5_000, 50_000);
    expect(later).toEqual([
      { at: 45_000, [A]: 8 },
      { at: 50_000, [A]: 8 },
    ]);
  });

  it('gives a server added later no value before its first step, and nothing for one without steps', () => {
    const rows = weightRows({ [A]: [{ at: 20_000, weight: 5 }], [B]: [] }, [A, B], 60_000, 30_000);
    expect(rows).toEqual([
      { at: 20_000, [A]: 5 },
      { at: 30_000, [A]: 5 },
    ]);
  });

  it('names each server weight now from its last step', () => {
    expect([...currentWeights(weights, [A, B])]).toEqual([
      [A, 8],
      [B, 4],
    ]);
  });

  it('draws a staircase: across at the old weight, then up to the new one, and counts its steps', () => {
    const rows = weightRows(weights, [A], 60_000, 40_000).slice(0, 4);
    expect(stepPath(rows, A, identity, identity)).toBe('M0.0,8.0H10000.0V0.0H30000.0V1.0H31000.0V2.0');
    expect(lineSteps(weightRows(weights, [A], 60_000, 40_000), A)).toEqual({ last: 8, steps: 9 });
  });

  it('puts the last weight and the number of steps on the drawn path, one path per server', () => {
    const rows = weightRows(weights, [A, B], 60_000, 40_000);
    const lines = [
      { key: A, label: A, color: 'red' },
      { key: B, label: B, color: 'blue' },
    ];
    const { container } = render(
      <LineChart width={400} height={200} data={rows} margin={{ top: 0, right: 0, bottom: 0, left: 0 }}>
        <XAxis dataKey="at" type="number" domain={[0, 40_000]} allowDataOverflow />
        <YAxis domain={[0, 10]} allowDataOverflow />
        <ChartLines rows={rows} lines={lines} step />
      </LineChart>,
    );
    const paths = container.querySelectorAll('path.chart-line');
    expect(paths).toHaveLength(2);
    const a = container.querySelector(`path[data-line="${A}"]`);
    expect(a?.getAttribute('data-last')).toBe('8');
    expect(a?.getAttribute('data-steps')).toBe('9');
    expect(a?.getAttribute('d')).not.toContain('L');
    expect(container.querySelector(`path[data-line="${B}"]`)?.getAttribute('data-steps')).toBe('1');
  });
});

describe('liveWeightEnd', () => {
  it('moves the 1-minute window in 5 s slots while no weight changes, so the chart is not redrawn each second', () => {
    const still = { [B]: [{ at: 0, weight: 4 }] };
    const ends = [61_000, 62_000, 63_000, 64_000, 64_999].map((end) => liveWeightEnd(still, end, 60_000));
    expect(new Set(ends)).toEqual(new Set([60_000]));
    expect(liveWeightEnd(still, 65_000, 60_000)).toBe(65_000);
  });

  it('follows the samples in the slot of a new step, so a ramp is drawn as it happens', () => {
    expect(liveWeightEnd(weights, 36_500, 60_000)).toBe(36_500);
    expect(weightRows(weights, [A, B], 60_000, liveWeightEnd(weights, 36_500, 60_000)).at(-1)).toEqual({
      at: 36_500,
      [A]: 8,
      [B]: 4,
    });
    // The slot after it: back to slot steps.
    expect(liveWeightEnd(weights, 41_000, 60_000)).toBe(40_000);
  });

  it('draws a server added a sample ago as a line (two points), not after its slot ends', () => {
    const added = { [B]: [{ at: 0, weight: 4 }], [A]: [{ at: 61_000, weight: 5 }] };
    const end = liveWeightEnd(added, 62_000, 60_000);
    expect(weightRows(added, [A, B], 60_000, end).filter((row) => row[A] !== undefined)).toHaveLength(2);
  });
});
