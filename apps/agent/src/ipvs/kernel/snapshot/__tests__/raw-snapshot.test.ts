import { describe, expect, it } from 'vitest';
import { RawSnapshotWriter, transferablesOf, type RawSnapshot } from '../raw-snapshot.js';

function blocks(raw: RawSnapshot): string[] {
  const bytes = Buffer.from(raw.bytes, 0, raw.byteLength);
  const out: string[] = [`services ${raw.index[0]}`];
  for (let at = 1; at < raw.index.length;) {
    const count = raw.index[at + 2] ?? 0;
    const entries = [at, ...Array.from({ length: count }, (_, d) => at + 3 + 2 * d)];
    for (const entry of entries) {
      const start = raw.index[entry] ?? 0;
      out.push(bytes.toString('hex', start, start + (raw.index[entry + 1] ?? 0)));
    }
    at += 3 + 2 * count;
  }
  return out;
}

function write(services: number, fill: number, recycled?: RawSnapshot): RawSnapshot {
  const writer = new RawSnapshotWriter(recycled);
  for (let s = 0; s < services; s++) {
    writer.addService(Buffer.alloc(8, fill + s));
    writer.addDestination(Buffer.alloc(4 + s, fill));
  }
  return writer.finish();
}

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

  it('writes into the storage of a recycled snapshot, leaving nothing of the old one visible', () => {
    const old = write(3000, 1);
    const reused = write(2, 9, old);
    expect(reused.bytes).toBe(old.bytes);
    expect(reused.index.buffer).toBe(old.index.buffer);
    expect(blocks(reused)).toEqual(blocks(write(2, 9)));
  });

  it('starts afresh when the recycled snapshot was transferred away', () => {
    const old = write(2, 1);
    structuredClone(old, { transfer: transferablesOf(old) });
    const fresh = write(2, 5, old);
    expect(fresh.bytes.byteLength).toBeGreaterThan(0);
    expect(blocks(fresh)).toEqual(blocks(write(2, 5)));
  });
});
