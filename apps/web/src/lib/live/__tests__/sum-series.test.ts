import { describe, expect, it } from 'vitest';
import { ratePoint } from '../series';
import { sumSeries, sumSeriesAfter } from '../sum-series';

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

describe('sumSeriesAfter', () => {
  const cps = (p: ReturnType<typeof point>) => p.cps;

  it('appends one sample to the previous sum, and agrees with summing from scratch', () => {
    const first = { a: [point(1000, 10), point(2000, 12)], b: [point(1000, 5), point(2000, 5)] };
    const summed = sumSeriesAfter(null, first, cps, 60);
    expect(summed.values).toEqual([15, 17]);
    const next = { a: [...first.a, point(3000, 11)], b: [...first.b, point(3000, 6)] };
    const appended = sumSeriesAfter(summed, next, cps, 60);
    expect(appended.values).toEqual([15, 17, 17]);
    expect(appended.values).toEqual(sumSeries(next, cps, 60));
    expect(sumSeriesAfter(appended, next, cps, 60)).toBe(appended);
    expect(sumSeriesAfter(summed, next, cps, 2).values).toEqual([17, 17]);
  });

  it('sums from scratch when a service comes or goes, or a series moved by more than one sample', () => {
    const first = { a: [point(1000, 10)], b: [point(1000, 5)] };
    const summed = sumSeriesAfter(null, first, cps, 60);
    const added = { ...first, c: [point(1000, 1)] };
    expect(sumSeriesAfter(summed, added, cps, 60).values).toEqual([16]);
    // History loaded under it: two points per series at once.
    const loaded = {
      a: [point(1000, 10), point(2000, 20), point(3000, 30)],
      b: [point(1000, 5), point(2000, 5), point(3000, 5)],
    };
    expect(sumSeriesAfter(summed, loaded, cps, 60).values).toEqual([15, 25, 35]);
  });
});
