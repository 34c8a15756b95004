import { describe, expect, it } from 'vitest';
import { overloadClearsBelow, overloadedAfter, type OverloadReading } from '../overload.js';

const reading = (total: number, upper: number, lower = 0, inactiveShare = 1): OverloadReading => ({
  activeConns: total - Math.round(total * inactiveShare),
  inactiveConns: Math.round(total * inactiveShare),
  upperThreshold: upper,
  lowerThreshold: lower,
});

/** The flag along a series of totals, starting not overloaded. */
function along(totals: number[], upper: number, lower = 0): boolean[] {
  let previous: { overloaded: boolean; upperThreshold: number } | undefined;
  return totals.map((total) => {
    const overloaded = overloadedAfter(previous, reading(total, upper, lower));
    previous = { overloaded, upperThreshold: upper };
    return overloaded;
  });
}

describe('overloadedAfter', () => {
  it('counts inactive connections: 1,100 inactive against an upper threshold of 100 is overloaded', () => {
    expect(overloadedAfter(undefined, reading(1100, 100, 0, 1))).toBe(true);
  });

  it('sets at the upper threshold and, with lower 0, clears only below 3/4 of it', () => {
    // upper 100: set at 100; 75 is not below 75, so it stays; 74 clears; 99 after that is not overloaded.
    expect(along([99, 100, 80, 75, 74, 99], 100)).toEqual([false, true, true, true, false, false]);
  });

  it('clears below an explicit lower threshold', () => {
    expect(along([10, 6, 5, 4, 9], 10, 5)).toEqual([true, true, true, false, false]);
  });

  it('is never overloaded without an upper threshold', () => {
    expect(along([0, 5000], 0)).toEqual([false, false]);
  });

  it('clears when an edit raises or removes the upper threshold, as __ip_vs_update_dest does', () => {
    const was = { overloaded: true, upperThreshold: 100 };
    expect(overloadedAfter(was, reading(90, 200))).toBe(false);
    expect(overloadedAfter(was, reading(90, 0))).toBe(false);
    // Lowering it keeps the flag: 78 is not below 3/4 of 95.
    expect(overloadedAfter({ overloaded: true, upperThreshold: 100 }, reading(78, 95))).toBe(true);
  });
});

describe('overloadClearsBelow', () => {
  it('is the lower threshold, or 3/4 of the upper one when lower is 0', () => {
    expect(overloadClearsBelow(100, 0)).toBe(75);
    expect(overloadClearsBelow(10, 0)).toBe(8);
    expect(overloadClearsBelow(100, 20)).toBe(20);
  });
});
