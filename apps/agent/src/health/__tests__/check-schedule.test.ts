import { describe, expect, it } from 'vitest';
import { firstCheckDelay, nextCheckDelay } from '../check-schedule.js';

describe('check-schedule', () => {
  it('spreads 10,000 real servers evenly over the interval (no thundering herd)', () => {
    const intervalMs = 2000;
    const buckets = new Array<number>(20).fill(0); // 100 ms each: 500 expected per bucket
    for (let i = 0; i < 10_000; i++) {
      const delay = firstCheckDelay(
        `tcp:10.0.0.1:80 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:80`,
        intervalMs,
      );
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(intervalMs);
      buckets[Math.floor(delay / 100)]! += 1;
    }
    expect(Math.max(...buckets)).toBeLessThan(600);
    expect(Math.min(...buckets)).toBeGreaterThan(400);
  });

  it('gives a real server the same slot after a restart', () => {
    expect(firstCheckDelay('tcp:10.0.0.1:80 10.0.1.1:80', 2000)).toBe(
      firstCheckDelay('tcp:10.0.0.1:80 10.0.1.1:80', 2000),
    );
  });

  it('times the next check from the start of the last, never overlapping it', () => {
    expect(nextCheckDelay(1000, 1300, 2000)).toBe(1700);
    expect(nextCheckDelay(1000, 3500, 2000)).toBe(0);
  });
});
