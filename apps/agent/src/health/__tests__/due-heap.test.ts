import { describe, expect, it } from 'vitest';
import { DueHeap } from '../due-heap.js';

describe('DueHeap', () => {
  it('gives entries back earliest first, whatever order they came in', () => {
    const heap = new DueHeap<number>();
    const dues = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    for (const dueAt of dues) heap.push({ dueAt, item: dueAt, token: 0 });
    const out: number[] = [];
    for (let entry = heap.pop(); entry; entry = heap.pop()) out.push(entry.dueAt);
    expect(out).toEqual([...dues].sort((a, b) => a - b));
    expect(heap.size).toBe(0);
  });
});
