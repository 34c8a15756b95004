// A snapshot as the kernel sent it: every service message's attributes and, after each, its real-server
// messages' attributes, packed into one ArrayBuffer with a Uint32Array index. Both can be transferred
// between threads without copying, and decoding it (snapshot-decoder.ts) needs no further kernel calls.

/**
 * `bytes[0, byteLength)` holds the attribute blocks back to back. `index` is
 * [serviceCount, then per service: offset, length, destCount, then per destination: offset, length].
 * `index` may be a view on the front of a longer buffer (the rest is spare room for the next writer).
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
 *
 * A writer may start in the storage of a snapshot nobody reads any more (`recycled`). A 1,000 x 10 table
 * is ~2.3 MB: fresh memory for it every poll meant ~8 MB of new pages while doubling up to size, and in
 * user-mode Linux each page fault is a trip through the host (the profiler put ~185 ms of a 400 ms read
 * into those copies and zero-fills). Reused storage is already faulted in and already big enough.
 */
export class RawSnapshotWriter {
  private bytes: Buffer;
  private used = 0;
  private index: Uint32Array;
  private indexUsed = 1;
  /** Where the current service's destination count lives in the index. */
  private destCountAt = -1;
  /** 32-bit views of `bytes` and of the last source buffer (copyWords). */
  private words: Int32Array | undefined;
  private sourceWords: Int32Array | undefined;

  constructor(recycled?: RawSnapshot) {
    const reusable = recycled !== undefined && !isDetached(recycled);
    this.bytes = Buffer.from(reusable ? recycled.bytes : new ArrayBuffer(INITIAL_BYTES));
    this.index = reusable
      ? new Uint32Array(recycled.index.buffer, 0, recycled.index.buffer.byteLength >> 2)
      : new Uint32Array(INITIAL_INDEX);
    this.index[0] = 0;
  }

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

  /** The snapshot; its index is a view on the writer's whole index buffer (no copy). */
  finish(): RawSnapshot {
    return {
      bytes: this.bytes.buffer as ArrayBuffer,
      byteLength: this.used,
      index: new Uint32Array(this.index.buffer, 0, this.indexUsed),
    };
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
      this.words = undefined;
    }
    const from = buf.byteOffset + start;
    if (((from | end | start | this.used) & 3) === 0 && buf.byteOffset % 4 === 0) {
      this.copyWords(buf.buffer, from >> 2, (end - start) >> 2);
    } else {
      buf.copy(this.bytes, this.used, start, end);
    }
    this.used = needed;
  }

  /**
   * Netlink attributes are 4-byte aligned, so blocks are copied as 32-bit words through views cached per
   * buffer: Buffer#copy makes a Uint8Array per call for a range, 11,000 of them per snapshot.
   */
  private copyWords(source: ArrayBufferLike, fromWord: number, count: number): void {
    if (this.sourceWords?.buffer !== source)
      this.sourceWords = new Int32Array(source, 0, source.byteLength >> 2);
    this.words ??= new Int32Array(this.bytes.buffer, 0, this.bytes.length >> 2);
    const from = this.sourceWords;
    const to = this.words;
    let at = this.used >> 2;
    for (let i = fromWord, last = fromWord + count; i < last; i++) to[at++] = from[i] ?? 0;
  }
}

/** True once a snapshot's buffers were transferred to another thread (they are empty here then). */
export function isDetached(raw: RawSnapshot): boolean {
  return raw.bytes.byteLength === 0 || raw.index.buffer.byteLength === 0;
}

/** The transferable parts of a snapshot, for postMessage's transfer list. */
export function transferablesOf(raw: RawSnapshot): ArrayBuffer[] {
  return [raw.bytes, raw.index.buffer as ArrayBuffer];
}
