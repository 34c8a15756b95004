import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortInSlices } from '../sorted-in-slices.js';

function run<T>(generator: Generator<string, T>): { result: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = generator.next();
    if (step.done) return { result: step.value, pauses };
    pauses++;
  }
}

describe('sorted-in-slices', () => {
  it('sorts like a stable Array.prototype.sort by string key', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 3 }), fc.nat()), { maxLength: 3000 }), (items) => {
        const key = ([text]: [string, number]) => text;
        const expected = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
        expect(run(sortInSlices(items, key)).result).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('pauses while sorting 10,000 rows', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `10.0.${i % 251}.${i % 7}`);
    expect(run(sortInSlices(items, (item) => item)).pauses).toBeGreaterThan(20);
  });
});
