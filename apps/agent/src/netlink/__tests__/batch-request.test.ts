import { describe, expect, it } from 'vitest';
import { DEFAULT_BATCH_LIMITS, splitBatches } from '../batch-request.js';

describe('batch-request', () => {
  it('splits 11,000 restore-sized messages into datagrams of at most 100 messages and 32 KiB', () => {
    const sizes = Array.from({ length: 11_000 }, (_, i) => (i % 11 === 0 ? 96 : 120));
    const runs = splitBatches(sizes, DEFAULT_BATCH_LIMITS);
    expect(runs).toHaveLength(110);
    expect(runs.flatMap(([start, end]) => Array.from({ length: end - start }, (_, i) => start + i))).toEqual(
      sizes.map((_, i) => i),
    );
    for (const [start, end] of runs) {
      expect(end - start).toBeLessThanOrEqual(100);
      expect(sizes.slice(start, end).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(32 * 1024);
    }
  });

  it('cuts by bytes when messages are large, and still sends one message larger than the limit alone', () => {
    expect(splitBatches([600, 600, 600, 2000, 10], { maxBytes: 1300, maxMessages: 100 })).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(splitBatches([], DEFAULT_BATCH_LIMITS)).toEqual([]);
  });
});
