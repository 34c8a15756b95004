import { describe, expect, it } from 'vitest';
import { connectionTotals, pairBalance } from '../fleet/index.js';
import { destination, httpService } from './fixtures.js';

describe('pair connection counts', () => {
  it("sums every real server's active and inactive connections", () => {
    const table = [
      httpService([
        destination('10.0.0.1', 80, { activeConns: 5, inactiveConns: 2 }),
        destination('10.0.0.2', 80, { activeConns: 1, inactiveConns: 10 }),
      ]),
      {
        ...httpService([destination('10.0.0.3', 80, { activeConns: 4, inactiveConns: 0 })]),
        scheduler: 'rr',
      },
    ];
    expect(connectionTotals(table)).toEqual({ active: 10, inactive: 12, total: 22 });
    expect(connectionTotals([])).toEqual({ active: 0, inactive: 0, total: 0 });
  });

  it('calls a pair imbalanced when one side holds over 25% fewer entries, with 20 or more on the other', () => {
    expect(pairBalance(0, 19)).toEqual({ kind: 'too-few' });
    expect(pairBalance(100, 75)).toEqual({ kind: 'balanced' });
    expect(pairBalance(80, 100)).toEqual({ kind: 'balanced' });
    expect(pairBalance(100, 74)).toEqual({ kind: 'imbalanced', fewer: 'right', percentFewer: 26 });
    expect(pairBalance(0, 40)).toEqual({ kind: 'imbalanced', fewer: 'left', percentFewer: 100 });
  });
});
