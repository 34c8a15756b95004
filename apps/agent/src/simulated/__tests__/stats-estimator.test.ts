import { describe, expect, it } from 'vitest';
import { StatsEstimator } from '../stats-estimator.js';

/** Feeds a steady per-second rate for `periods` estimator periods of 2 s. */
function feed(
  estimator: StatsEstimator,
  perSecond: { conns: number; inBytes: number },
  periods: number,
): void {
  for (let i = 0; i < periods; i++) {
    estimator.add({
      conns: perSecond.conns * 2,
      inPackets: perSecond.conns * 20,
      inBytes: perSecond.inBytes * 2,
    });
    estimator.estimate();
  }
}

describe('StatsEstimator', () => {
  it('reaches 25% of a step after one 2 s period and 44% after two, as the kernel EWMA does', () => {
    const estimator = new StatsEstimator();
    feed(estimator, { conns: 100, inBytes: 1000 }, 1);
    expect(estimator.read()).toMatchObject({ cps: 25, inPps: 250, inBps: 250, conns: 200 });
    feed(estimator, { conns: 100, inBytes: 1000 }, 1);
    // bytes: avg 8000 -> 8000 + (32000 - 8000) / 4 = 14000 in 2^5 units; (14000 + 15) >> 5 = 437, not 437.5.
    expect(estimator.read()).toMatchObject({ cps: 44, inBps: 437 });
  });

  it('converges on the true rate and decays back to zero when traffic stops', () => {
    const estimator = new StatsEstimator();
    feed(estimator, { conns: 100, inBytes: 50_000 }, 20);
    // 40 s after the step the EWMA holds 1 - 0.75^20 = 99.7% of the rate, approached from below.
    expect(estimator.read().cps).toBe(100);
    expect(estimator.read().inBps).toBeGreaterThan(49_800);
    expect(estimator.read().inBps).toBeLessThan(50_000);
    feed(estimator, { conns: 100, inBytes: 50_000 }, 60);
    expect(estimator.read()).toMatchObject({ cps: 100, inBps: 50_000 });
    feed(estimator, { conns: 0, inBytes: 0 }, 80);
    expect(estimator.read()).toMatchObject({ cps: 0, inBps: 0, conns: 16_000 });
  });

  it('rounds sub-1/s rates to 0 like the kernel read-out', () => {
    const estimator = new StatsEstimator();
    feed(estimator, { conns: 0.5, inBytes: 0 }, 40);
    // 0.5 conn/s is 512 in 2^10 units: (512 + 0x1FF) >> 10 = 1 only once the average reaches 513.
    expect(estimator.read().cps).toBe(0);
  });

  it('zero resets counters and rates', () => {
    const estimator = new StatsEstimator();
    feed(estimator, { conns: 100, inBytes: 1000 }, 5);
    estimator.zero();
    expect(estimator.read()).toEqual({
      conns: 0,
      inPackets: 0,
      outPackets: 0,
      inBytes: 0,
      outBytes: 0,
      cps: 0,
      inPps: 0,
      outPps: 0,
      inBps: 0,
      outBps: 0,
    });
    feed(estimator, { conns: 100, inBytes: 1000 }, 1);
    expect(estimator.read().cps).toBe(25);
  });

  it('hands out the same read-out until a number users see moves', () => {
    const estimator = new StatsEstimator();
    const idle = estimator.read();
    estimator.estimate();
    expect(estimator.read()).toBe(idle);
    feed(estimator, { conns: 10, inBytes: 1000 }, 1);
    const busy = estimator.read();
    expect(busy).not.toBe(idle);
    expect(busy.conns).toBe(20);
    estimator.add({ conns: 1 }); // not yet published: the estimator has not run
    expect(estimator.read()).toBe(busy);
  });
});
