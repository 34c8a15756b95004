import { describe, expect, it } from 'vitest';
import { SeriesRing } from '../series-ring.js';

const point = (n: number) => ({
  at: 1_000_000 + n * 1000,
  cps: n,
  inPps: n + 0.5,
  outPps: 2 * n,
  inBps: 100 * n,
  outBps: 1000 * n,
  activeConns: n % 7,
  inactiveConns: n % 3,
});

describe('series-ring', () => {
  it('keeps every point while it grows, then only the newest `capacity`, oldest first', () => {
    const ring = new SeriesRing(900);
    for (let n = 0; n < 40; n++) ring.push(point(n));
    expect(ring.toArray()).toEqual(Array.from({ length: 40 }, (_, n) => point(n)));
    for (let n = 40; n < 2000; n++) ring.push(point(n));
    expect(ring.length).toBe(900);
    expect(ring.toArray()).toEqual(Array.from({ length: 900 }, (_, n) => point(1100 + n)));
  });

  it('works at capacities below its starting size', () => {
    const ring = new SeriesRing(3);
    for (let n = 0; n < 5; n++) ring.push(point(n));
    expect(ring.toArray()).toEqual([point(2), point(3), point(4)]);
  });
});
