// A snapshot as the kernel sent it: every service message's attributes and, after each, its real-server
// messages' attributes, packed into one ArrayBuffer with a Uint32Array index. Both can be transferred
// between threads without copying, and decoding it (snapshot-decoder.ts) needs no further kernel calls.

/**
 * `bytes[0, byteLength)` holds the attribute blocks back to back. `index` is
 * [serviceCount, then per service: offset, length, destCount, then per destination: offset, length].
 */
export interface RawSnapshot {
  bytes: ArrayBuffer;
  byteLength: number;
  index: Uint32Array;
}

const INITIAL_BYTES = 256 * 1024;
const INITIAL_INDEX = 4096;

/**
 * Collects attribute blocks into a growing standalone ArrayBuffer (never a shared Buffer pool slab, which
 * could not be transferred) and the index into a growing Uint32Array: no object per block.
 */
export class RawSnapshotWriter {
  private bytes = Buffer.from(new ArrayBuffer(INITIAL_BYTES));
  private used = 0;
  private index = new Uint32Array(INITIAL_INDEX);
  private indexUsed = 1;
  /** Where the current service's destination count lives in the index. */
  private destCountAt = -1;

  /** Starts a service with the attributes at buf[start, end); its destinations follow. */
  addService(buf: Buffer, start = 0, end = buf.length): void {
    this.index[0] = (this.index[0] ?? 0) + 1;
    this.push(this.used, end - start);
    this.destCountAt = this.indexUsed;
    this.push(0);
    this.append(buf, start, end);
  }

  /** Adds a destination of the last service, with the attributes at buf[start, end). */
  addDestination(buf: Buffer, start = 0, end = buf.length): void {
    if (this.destCountAt < 0) throw new Error('addDestination before addService');
    this.index[this.destCountAt] = (this.index[this.destCountAt] ?? 0) + 1;
    this.push(this.used, end - start);
    this.append(buf, start, end);
  }

  finish(): RawSnapshot {
    return { bytes: this.bytes.buffer, byteLength: this.used, index: this.index.slice(0, this.indexUsed) };
  }

  /** Appends one or two index entries (two plain parameters: no array per call in the hot loop). */
  private push(first: number, second?: number): void {
    if (this.indexUsed + 2 > this.index.length) {
      const grown = new Uint32Array(this.index.length * 2);
      grown.set(this.index);
      this.index = grown;
    }
    this.index[this.indexUsed++] = first;
    if (second !== undefined) this.index[this.indexUsed++] = second;
  }

  private append(buf: Buffer, start: number, end: number): void {
    const needed = this.used + (end - start);
    if (needed > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = Buffer.from(new ArrayBuffer(capacity));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    buf.copy(this.bytes, this.used, start, end);
    this.used = needed;
  }
}

/** The transferable parts of a snapshot, for postMessage's transfer list. */
export function transferablesOf(raw: RawSnapshot): ArrayBuffer[] {
  return [raw.bytes, raw.index.buffer as ArrayBuffer];
}
