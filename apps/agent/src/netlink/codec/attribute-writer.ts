// Builds a sequence of netlink attributes (struct nlattr TLVs, include/uapi/linux/netlink.h): each is
// nla_len (header + payload, padding excluded), nla_type, payload, then zero padding to 4 bytes.
import { NetlinkCodecError } from './codec-error.js';
import { NLA_HDRLEN, NLA_TYPE_MASK, align4 } from './constants.js';
import { hostOrder } from './host-order.js';

/** nla_len is a u16, so a payload can be at most 0xffff - NLA_HDRLEN bytes. */
const MAX_PAYLOAD = 0xffff - NLA_HDRLEN;

function checkInteger(kind: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new NetlinkCodecError(`${kind} attribute value ${value} is not an integer in 0..${max}`);
  }
}

/**
 * Writes attributes in place into one growing buffer: a restore of 11,000 lines packs ~130,000
 * attributes, and a small Buffer per header, payload and padding made that cost seconds in the
 * user-mode Linux guest (every allocation a page-touching, GC-tracked object there).
 */
export class AttributeWriter {
  private buf: Buffer = Buffer.allocUnsafe(128);
  private used = 0;

  u8(type: number, value: number): this {
    checkInteger('u8', value, 0xff);
    const at = this.header(type, 1);
    this.buf[at] = value;
    return this;
  }

  u16(type: number, value: number): this {
    checkInteger('u16', value, 0xffff);
    const at = this.header(type, 2);
    hostOrder.writeU16(this.buf, value, at);
    return this;
  }

  /** Network byte order, e.g. IPVS ports. */
  u16be(type: number, value: number): this {
    checkInteger('u16', value, 0xffff);
    const at = this.header(type, 2);
    this.buf.writeUInt16BE(value, at);
    return this;
  }

  u32(type: number, value: number): this {
    checkInteger('u32', value, 0xffffffff);
    const at = this.header(type, 4);
    hostOrder.writeU32(this.buf, value, at);
    return this;
  }

  /** Network byte order, e.g. an IPv4 netmask or multicast group. */
  u32be(type: number, value: number): this {
    checkInteger('u32', value, 0xffffffff);
    const at = this.header(type, 4);
    this.buf.writeUInt32BE(value, at);
    return this;
  }

  u64(type: number, value: bigint): this {
    if (value < 0n || value > 0xffffffffffffffffn) {
      throw new NetlinkCodecError(`u64 attribute value ${value} is out of range`);
    }
    const at = this.header(type, 8);
    hostOrder.writeU64(this.buf, value, at);
    return this;
  }

  /** UTF-8 bytes plus the NUL terminator the kernel's NLA_NUL_STRING policy requires. */
  string(type: number, value: string): this {
    if (value.includes('\0')) throw new NetlinkCodecError('string attribute contains a NUL character');
    return this.bytes(type, Buffer.from(`${value}\0`, 'utf8'));
  }

  /** A copy of `payload`: later changes to the caller's bytes do not leak in. */
  bytes(type: number, payload: Uint8Array): this {
    const at = this.header(type, payload.length); // may grow (replace) this.buf
    this.buf.set(payload, at);
    return this;
  }

  /**
   * A nested attribute holding what `build` writes (into this same buffer; the header is filled in
   * after). NLA_F_NESTED is not set, like the kernel's own nla_nest_start_noflag() and libnl in
   * ipvsadm; IPVS parses nests with or without it.
   */
  nest(type: number, build: (writer: AttributeWriter) => void): this {
    const start = this.header(type, 0) - NLA_HDRLEN;
    build(this);
    const length = this.used - start;
    if (length > 0xffff) {
      throw new NetlinkCodecError(
        `attribute ${type & NLA_TYPE_MASK} payload of ${length - NLA_HDRLEN} bytes is too long`,
      );
    }
    hostOrder.writeU16(this.buf, length, start);
    return this;
  }

  /** All attributes written so far, each padded to 4 bytes (a copy the writer no longer touches). */
  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.used));
  }

  /** Writes an attribute header, zeroes its padding, and returns where its payload goes. */
  private header(type: number, payloadLength: number): number {
    checkInteger('attribute type', type, 0xffff);
    if (payloadLength > MAX_PAYLOAD) {
      throw new NetlinkCodecError(
        `attribute ${type & NLA_TYPE_MASK} payload of ${payloadLength} bytes is too long`,
      );
    }
    const at = this.used;
    const end = at + NLA_HDRLEN + align4(payloadLength);
    if (end > this.buf.length) this.grow(end);
    hostOrder.writeU16(this.buf, NLA_HDRLEN + payloadLength, at);
    hostOrder.writeU16(this.buf, type, at + 2);
    for (let pad = at + NLA_HDRLEN + payloadLength; pad < end; pad++) this.buf[pad] = 0;
    this.used = end;
    return at + NLA_HDRLEN;
  }

  private grow(needed: number): void {
    let capacity = this.buf.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = Buffer.allocUnsafe(capacity);
    this.buf.copy(grown, 0, 0, this.used);
    this.buf = grown;
  }
}
