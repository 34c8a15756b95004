import { describe, expect, it } from 'vitest';
import { ratePoint } from '../series';
import { sumSeries } from '../sum-series';

const point = (at: number, cps: number) =>
  ratePoint(at, { cps, inPps: 0, outPps: 0, inBps: 0, outBps: 0 }, 0, 0);

describe('sum-series', () => {
  it('adds every service at each sample time, oldest first, keeping the newest `count`', () => {
    const series = {
      a: [point(1000, 10), point(2000, 12), point(3000, 11)],
      b: [point(1000, 5), point(2000, 5), point(3000, 6)],
      // created a second ago: counts from its first point on
      c: [point(3000, 1)],
    };
    expect(sumSeries(series, (p) => p.cps, 60)).toEqual([15, 17, 18]);
    expect(sumSeries(series, (p) => p.cps, 2)).toEqual([17, 18]);
    expect(sumSeries(undefined, (p) => p.cps, 60)).toEqual([]);
  });

  it('is as smooth as the services it adds: steady services never make a zig-zag total', () => {
    const steady = (base: number) => Array.from({ length: 60 }, (_, i) => point(i * 1000, base));
    const total = sumSeries({ a: steady(20), b: steady(30) }, (p) => p.cps, 60);
    expect(new Set(total)).toEqual(new Set([50]));
  });
});
