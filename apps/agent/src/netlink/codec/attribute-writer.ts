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

export class AttributeWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  u8(type: number, value: number): this {
    checkInteger('u8', value, 0xff);
    return this.bytes(type, Buffer.of(value));
  }

  u16(type: number, value: number): this {
    checkInteger('u16', value, 0xffff);
    const payload = Buffer.alloc(2);
    hostOrder.writeU16(payload, value, 0);
    return this.bytes(type, payload);
  }

  /** Network byte order, e.g. IPVS ports. */
  u16be(type: number, value: number): this {
    checkInteger('u16', value, 0xffff);
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(value, 0);
    return this.bytes(type, payload);
  }

  u32(type: number, value: number): this {
    checkInteger('u32', value, 0xffffffff);
    const payload = Buffer.alloc(4);
    hostOrder.writeU32(payload, value, 0);
    return this.bytes(type, payload);
  }

  /** Network byte order, e.g. an IPv4 netmask or multicast group. */
  u32be(type: number, value: number): this {
    checkInteger('u32', value, 0xffffffff);
    const payload = Buffer.alloc(4);
    payload.writeUInt32BE(value, 0);
    return this.bytes(type, payload);
  }

  u64(type: number, value: bigint): this {
    if (value < 0n || value > 0xffffffffffffffffn) {
      throw new NetlinkCodecError(`u64 attribute value ${value} is out of range`);
    }
    const payload = Buffer.alloc(8);
    hostOrder.writeU64(payload, value, 0);
    return this.bytes(type, payload);
  }

  /** UTF-8 bytes plus the NUL terminator the kernel's NLA_NUL_STRING policy requires. */
  string(type: number, value: string): this {
    if (value.includes('\0')) throw new NetlinkCodecError('string attribute contains a NUL character');
    return this.bytes(type, Buffer.from(`${value}\0`, 'utf8'));
  }

  bytes(type: number, payload: Uint8Array): this {
    checkInteger('attribute type', type, 0xffff);
    if (payload.length > MAX_PAYLOAD) {
      throw new NetlinkCodecError(
        `attribute ${type & NLA_TYPE_MASK} payload of ${payload.length} bytes is too long`,
      );
    }
    const header = Buffer.alloc(NLA_HDRLEN);
    hostOrder.writeU16(header, NLA_HDRLEN + payload.length, 0);
    hostOrder.writeU16(header, type, 2);
    const padding = align4(payload.length) - payload.length;
    this.push(header);
    this.push(Buffer.from(payload)); // a copy: later changes to the caller's bytes must not leak in
    if (padding > 0) this.push(Buffer.alloc(padding));
    return this;
  }

  /**
   * A nested attribute holding what `build` writes. NLA_F_NESTED is not set, like the kernel's own
   * nla_nest_start_noflag() and libnl in ipvsadm; IPVS parses nests with or without it.
   */
  nest(type: number, build: (writer: AttributeWriter) => void): this {
    const inner = new AttributeWriter();
    build(inner);
    return this.bytes(type, inner.toBuffer());
  }

  /** All attributes written so far, each padded to 4 bytes. */
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}
