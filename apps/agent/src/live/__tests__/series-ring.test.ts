// NOTE for whoever reworks SeriesRing (from the coordinator, working on bench:restore): series must NOT
// allocate all `capacity` points up front. A restore of 1,000 x 10 creates 11,000 series at once; 900
// points each allocated at creation was 356 MB in one go, and the guest's profile of the agent showed
// SeriesRing construction + GC taking seconds (PUT /config 6-11 s instead of ~1.3 s). Grow as points
// arrive (commit "history series grow as points arrive"); adapt these tests to a new API, keep the rule.
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
