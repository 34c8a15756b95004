import { describe, expect, it } from 'vitest';
import { historyTiers } from '../history-tiers.js';

describe('history-tiers', () => {
  it('keeps what the 1, 5 and 15 minute charts draw at 1 s: single samples, means of 3, means of 9', () => {
    expect(historyTiers(900, 1000)).toEqual([
      { every: 1, span: 60 },
      { every: 3, span: 300 },
      { every: 9, span: 900 },
    ]);
  });

  it('makes each mean of whole finer ones at other intervals', () => {
    // At 2 s the 15-minute chart draws means of 5 samples; 6 is the nearest multiple of the 5-minute tier's 2.
    expect(historyTiers(450, 2000)).toEqual([
      { every: 1, span: 30 },
      { every: 2, span: 150 },
      { every: 6, span: 450 },
    ]);
  });

  it('stops at a shorter history and stretches the coarsest tier over a longer one', () => {
    expect(historyTiers(120, 1000)).toEqual([
      { every: 1, span: 60 },
      { every: 3, span: 120 },
    ]);
    expect(historyTiers(3600, 1000).at(-1)).toEqual({ every: 9, span: 3600 });
    expect(historyTiers(30, 1000)).toEqual([{ every: 1, span: 30 }]);
  });
});
