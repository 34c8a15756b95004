import { describe, expect, it } from 'vitest';
import { holdOf, withHold, withoutHold, type Hold } from '../holds.js';

const operator: Hold = { kind: 'operator', since: 1, reason: 'quiesced by admin' };
const health: Hold = { kind: 'health', since: 2, reason: 'connect refused' };

describe('holds', () => {
  it('keeps one hold per kind: placing it again keeps when it began and takes the new reason', () => {
    const again = withHold([operator, health], {
      kind: 'health',
      since: 9,
      reason: 'timed out after 1000 ms',
    });
    expect(again).toEqual([operator, { kind: 'health', since: 2, reason: 'timed out after 1000 ms' }]);
  });

  it('stays held until the last hold is released, whatever the order', () => {
    for (const [first, second] of [
      ['operator', 'health'],
      ['health', 'operator'],
    ] as const) {
      const both = withHold(withHold([], operator), health);
      const one = withoutHold(both, first);
      expect(one.length).toBe(1);
      expect(holdOf(one, second)).toBeDefined();
      expect(withoutHold(one, second)).toEqual([]);
    }
  });
});
