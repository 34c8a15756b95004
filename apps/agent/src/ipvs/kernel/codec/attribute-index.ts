// A reusable, allocation-free index of one attribute level: payload offset and length per type. A
// 1,000 x 10 snapshot decodes 11,000 messages with ~40 attributes each; building Maps and sub-buffers for
// every one (netlink's attributeMap) cost more than the kernel calls in the user-mode-Linux benchmark.
// Same rules as the codec's parser: types masked with NLA_TYPE_MASK, stop at nla_len < 4 or an overrun,
// last one wins, types above `maxType` ignored (as the kernel's own nla_parse does).
import { endianness } from 'node:os';

const littleEndian = endianness() === 'LE';
/** include/uapi/linux/netlink.h NLA_TYPE_MASK: drops NLA_F_NESTED and NLA_F_NET_BYTEORDER. */
const NLA_TYPE_MASK = 0x3fff;

/** Host-order u16 by plain indexing: measurably cheaper than Buffer#readUInt16LE in this hot loop. */
function readU16(buf: Buffer, offset: number): number {
  const a = buf[offset] ?? 0;
  const b = buf[offset + 1] ?? 0;
  return littleEndian ? a | (b << 8) : (a << 8) | b;
}

export class AttributeIndex {
  private readonly offsets: Int32Array;
  private readonly lengths: Int32Array;
  /** Scan number that last set each type: avoids clearing the tables on every scan. */
  private readonly seen: Uint32Array;
  private generation = 0;
  buf: Buffer = Buffer.alloc(0);

  constructor(private readonly maxType: number) {
    this.offsets = new Int32Array(maxType + 1);
    this.lengths = new Int32Array(maxType + 1);
    this.seen = new Uint32Array(maxType + 1);
  }

  /** Indexes the attributes in buf[start, end); returns this for chaining. */
  scan(buf: Buffer, start = 0, end = buf.length): this {
    this.buf = buf;
    this.generation = this.generation >= 0xffff_fffe ? 1 : this.generation + 1;
    if (this.generation === 1) this.seen.fill(0);
    let offset = start;
    while (offset + 4 <= end) {
      const length = readU16(buf, offset);
      if (length < 4 || offset + length > end) break;
      const type = readU16(buf, offset + 2) & NLA_TYPE_MASK;
      if (type <= this.maxType) {
        this.offsets[type] = offset + 4;
        this.lengths[type] = length - 4;
        this.seen[type] = this.generation;
      }
      offset += (length + 3) & ~3;
    }
    return this;
  }

  has(type: number): boolean {
    return this.seen[type] === this.generation;
  }

  /** Payload start, or -1 when absent. */
  offset(type: number): number {
    return this.seen[type] === this.generation ? (this.offsets[type] ?? -1) : -1;
  }

  /** Payload length (meaningful only when present). */
  length(type: number): number {
    return this.lengths[type] ?? 0;
  }

  u8(type: number, fallback = 0): number {
    const at = this.offset(type);
    return at < 0 || this.length(type) < 1 ? fallback : this.buf.readUInt8(at);
  }

  u16(type: number, fallback = 0): number {
    const at = this.offset(type);
    if (at < 0 || this.length(type) < 2) return fallback;
    return littleEndian ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at);
  }

  u16be(type: number, fallback = 0): number {
    const at = this.offset(type);
    return at < 0 || this.length(type) < 2 ? fallback : this.buf.readUInt16BE(at);
  }

  u32(type: number, fallback = 0): number {
    const at = this.offset(type);
    if (at < 0 || this.length(type) < 4) return fallback;
    return littleEndian ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }

  /** A u64 or u32 counter by payload size, as a number (exact below 2^53). */
  counter(type: number): number {
    const at = this.offset(type);
    if (at < 0) return 0;
    const length = this.length(type);
    if (length >= 8) {
      const low = littleEndian ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at + 4);
      const high = littleEndian ? this.buf.readUInt32LE(at + 4) : this.buf.readUInt32BE(at);
      return high * 0x1_0000_0000 + low;
    }
    if (length >= 4) return littleEndian ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
    return 0;
  }

  /** NUL-terminated text (or the whole payload without a NUL); fallback when absent. */
  string(type: number, fallback = ''): string {
    const at = this.offset(type);
    if (at < 0) return fallback;
    const end = at + this.length(type);
    const nul = this.buf.indexOf(0, at);
    return this.buf.toString('utf8', at, nul < 0 || nul > end ? end : nul);
  }
}
