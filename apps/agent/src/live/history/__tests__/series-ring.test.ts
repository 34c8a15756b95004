// Series must not allocate all `capacity` points up front (the coordinator's note, bench:restore): a restore
// of 1,000 x 10 creates 11,000 series at once, and 900 points each at creation was 356 MB in one go, which
// made PUT /config take seconds in GC. They grow as points arrive; the first test below holds them to it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SampleClock, SeriesRing } from '../series-ring.js';

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

/** Takes samples `from`..`to` - 1 on the clock, each appending the same point to every ring given. */
function take(clock: SampleClock, rings: SeriesRing[], from: number, to: number): void {
  for (let n = from; n < to; n++) {
    const p = point(n);
    clock.begin(p.at);
    for (const ring of rings) ring.push(p, p.activeConns, p.inactiveConns);
  }
}

describe('series-ring', () => {
  it('starts 11,000 series of 900 points in a few megabytes, not the 277 MB they hold once full', () => {
    const clock = new SampleClock(900);
    const before = process.memoryUsage().arrayBuffers;
    const rings = Array.from({ length: 11_000 }, () => new SeriesRing(clock));
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(rings).toHaveLength(11_000);
    expect(grown).toBeLessThan(16 * 2 ** 20);
  });

  it('keeps every point while it grows, then only the newest `capacity`, oldest first', () => {
    const clock = new SampleClock(900);
    const ring = new SeriesRing(clock);
    take(clock, [ring], 0, 40);
    expect(ring.toArray()).toEqual(Array.from({ length: 40 }, (_, n) => point(n)));
    take(clock, [ring], 40, 2000);
    expect(ring.length).toBe(900);
    expect(ring.toArray()).toEqual(Array.from({ length: 900 }, (_, n) => point(1100 + n)));
  });

  it('hands out only the newest points when asked for fewer', () => {
    const clock = new SampleClock(900);
    const ring = new SeriesRing(clock);
    take(clock, [ring], 0, 40);
    expect(ring.toArray(3)).toEqual([point(37), point(38), point(39)]);
    expect(ring.toArray(100)).toEqual(ring.toArray());
  });

  it('works at capacities below its starting size', () => {
    const clock = new SampleClock(3);
    const ring = new SeriesRing(clock);
    take(clock, [ring], 0, 5);
    expect(ring.toArray()).toEqual([point(2), point(3), point(4)]);
  });

  it('gives a series that joined later only its own points, with the shared times', () => {
    const clock = new SampleClock(20);
    const early = new SeriesRing(clock);
    take(clock, [early], 0, 7);
    const late = new SeriesRing(clock);
    take(clock, [early, late], 7, 30);
    expect(late.toArray()).toEqual(Array.from({ length: 20 }, (_, n) => point(10 + n)));
    expect(early.toArray()).toEqual(late.toArray());
    const keepsFloat32 = new SeriesRing(clock);
    clock.begin(1);
    keepsFloat32.push({ cps: 1 / 3, inPps: 0, outPps: 0, inBps: 1e10, outBps: 0 }, 2 ** 31, 0);
    const [only] = keepsFloat32.toArray();
    expect(only?.cps).toBeCloseTo(1 / 3, 6);
    expect(only!.inBps / 1e10).toBeCloseTo(1, 6);
    expect(only?.activeConns).toBe(2 ** 31);
  });

  it('stores a repeated point once: 11,000 idle series hold 15 minutes in a few megabytes', () => {
    const clock = new SampleClock(900);
    const idle = { cps: 0, inPps: 0, outPps: 0, inBps: 0, outBps: 0 };
    const before = process.memoryUsage().arrayBuffers;
    const rings = Array.from({ length: 11_000 }, () => new SeriesRing(clock));
    for (let n = 0; n < 1000; n++) {
      clock.begin(1_000_000 + n * 1000);
      for (const ring of rings) ring.push(idle, 0, 3);
    }
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
    const points = rings[42]!.toArray();
    expect(points).toHaveLength(900);
    expect(points[0]).toEqual({ at: 1_100_000, ...idle, activeConns: 0, inactiveConns: 3 });
    expect(points[899]?.at).toBe(1_999_000);
    expect(rings[42]!.storedPoints).toBe(1);
  });

  it('gives back exactly the last `capacity` points whatever runs of repeats it was fed', () => {
    const values = [point(1), point(2), point(3)];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 60 }),
        (capacity, picks) => {
          const clock = new SampleClock(capacity);
          const ring = new SeriesRing(clock);
          const expected: ReturnType<typeof point>[] = [];
          picks.forEach((pick, n) => {
            const at = 5_000 + n * 1000;
            const p = values[pick]!;
            clock.begin(at);
            ring.push(p, p.activeConns, p.inactiveConns);
            expected.push({ ...p, at });
          });
          expect(ring.toArray()).toEqual(expected.slice(-capacity));
          expect(ring.storedPoints).toBeLessThanOrEqual(capacity);
        },
      ),
    );
  });

  it('repeats the previous point for a sample without a push, as for a push of the same numbers', () => {
    const clock = new SampleClock(5);
    const ring = new SeriesRing(clock);
    const p = point(3);
    for (let n = 0; n < 8; n++) {
      clock.begin(1000 * n);
      if (n === 0 || n === 6) ring.push(point(n), point(n).activeConns, point(n).inactiveConns);
      else if (n === 2) ring.push(p, p.activeConns, p.inactiveConns);
    }
    expect(ring.toArray()).toEqual([
      { ...point(3), at: 3000 },
      { ...point(3), at: 4000 },
      { ...point(3), at: 5000 },
      { ...point(6), at: 6000 },
      { ...point(6), at: 7000 },
    ]);
    expect(ring.storedPoints).toBeLessThanOrEqual(3);
  });
});
