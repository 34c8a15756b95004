import { describe, expect, it } from 'vitest';
import type { ChartRow } from '../chart-rows';
import { dataMax, xScale, yScale } from '../chart-scale';

describe('chart-scale', () => {
  it('scales y to the data, not to anything above it, in round steps', () => {
    expect(yScale(130)).toEqual({ top: 150, ticks: [0, 50, 100, 150] });
    expect(yScale(50)).toEqual({ top: 60, ticks: [0, 20, 40, 60] });
    expect(yScale(2000)).toEqual({ top: 2000, ticks: [0, 500, 1000, 1500, 2000] });
    expect(yScale(0.33).top).toBeCloseTo(0.4);
    expect(yScale(0)).toEqual({ top: 1, ticks: [0, 1] });
  });

  it('finds the largest value of the lines drawn', () => {
    const rows: ChartRow[] = [
      { at: 1, total: 120, a: 70 },
      { at: 2, total: 130, b: 60 },
    ];
    expect(dataMax(rows, ['total', 'a', 'b'])).toBe(130);
    expect(dataMax(rows, ['a', 'b'])).toBe(70);
    expect(dataMax([], ['total'])).toBe(0);
  });

  it('spans the whole window whatever data there is, ticks on round times', () => {
    const end = Date.UTC(2026, 0, 1, 9, 15, 7);
    const fifteen = xScale(end, 900_000);
    expect(fifteen.domain).toEqual([end - 900_000, end]);
    expect(fifteen.ticks.every((tick) => tick % 180_000 === 0)).toBe(true);
    expect(fifteen.ticks).toHaveLength(5);
    expect(xScale(end, 60_000).ticks.every((tick) => tick % 15_000 === 0)).toBe(true);
  });
});

describe('chart-scale for long ranges', () => {
  it('ticks a week on midnights of the viewer and a day on round hours', () => {
    const end = Date.UTC(2026, 11, 7, 12, 0, 0);
    const seoul = 9 * 3_600_000;
    const week = xScale(end, 7 * 86_400_000, seoul);
    expect(week.ticks.length).toBeGreaterThanOrEqual(3);
    expect(week.ticks.every((tick) => (tick + seoul) % 86_400_000 === 0)).toBe(true);
    const day = xScale(end, 86_400_000, seoul);
    expect(day.ticks.every((tick) => tick % 3_600_000 === 0)).toBe(true);
    expect(day.ticks.length).toBeLessThanOrEqual(5);
  });
});
