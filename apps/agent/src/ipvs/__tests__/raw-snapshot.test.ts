import { describe, expect, it } from 'vitest';
import { RawSnapshotWriter } from '../raw-snapshot.js';

describe('raw-snapshot', () => {
  it('keeps every block and its place in the index when the buffers grow past their first size', () => {
    const writer = new RawSnapshotWriter();
    const source = Buffer.alloc(300);
    for (let s = 0; s < 300; s++) {
      source.fill(s & 0xff);
      writer.addService(source, 0, 100);
      for (let d = 0; d < 10; d++) {
        source.fill((s + d) & 0xff);
        writer.addDestination(source, 10, 10 + 50 + d);
      }
    }
    const raw = writer.finish();
    const bytes = Buffer.from(raw.bytes, 0, raw.byteLength);
    expect(raw.byteLength).toBe(300 * (100 + 10 * 50 + 45));
    expect(raw.byteLength).toBeGreaterThan(64 * 1024);
    expect(raw.index[0]).toBe(300);
    let at = 1;
    for (let s = 0; s < 300; s++) {
      const [offset = -1, length, count] = [raw.index[at], raw.index[at + 1], raw.index[at + 2]];
      expect([length, count, bytes[offset]]).toEqual([100, 10, s & 0xff]);
      at += 3;
      for (let d = 0; d < 10; d++, at += 2) {
        const start = raw.index[at] ?? -1;
        expect(raw.index[at + 1]).toBe(50 + d);
        expect(bytes.subarray(start, start + 50 + d).every((b) => b === ((s + d) & 0xff))).toBe(true);
      }
    }
    expect(at).toBe(raw.index.length);
  });

  it('refuses a destination that belongs to no service', () => {
    expect(() => new RawSnapshotWriter().addDestination(Buffer.alloc(4))).toThrow(/before addService/);
  });
});
