// Reads netlink attribute sequences (the kernel's nla_for_each_attr / nla_ok rules) and typed payloads.
// Payloads are views into the input buffer, not copies.
import { NetlinkCodecError } from './codec-error.js';
import { NLA_F_NESTED, NLA_HDRLEN, NLA_TYPE_MASK, align4 } from './constants.js';
import { hostOrder } from './host-order.js';

export interface Attribute {
  /** nla_type masked with NLA_TYPE_MASK (0x3fff). */
  type: number;
  /** NLA_F_NESTED was set. IPVS replies never set it: decide nesting by type, not by this flag. */
  nested: boolean;
  payload: Buffer;
}

/**
 * Splits `buf` into attributes. Stops at trailing bytes shorter than a header or at an nla_len below 4
 * (as nla_ok does); throws NetlinkCodecError when an attribute claims more bytes than remain.
 */
export function parseAttributes(buf: Buffer): Attribute[] {
  const attributes: Attribute[] = [];
  let offset = 0;
  while (offset + NLA_HDRLEN <= buf.length) {
    const length = hostOrder.readU16(buf, offset);
    if (length < NLA_HDRLEN) break;
    const rawType = hostOrder.readU16(buf, offset + 2);
    if (offset + length > buf.length) {
      throw new NetlinkCodecError(
        `attribute ${rawType & NLA_TYPE_MASK} at offset ${offset} claims ${length} bytes but only ${buf.length - offset} remain`,
      );
    }
    attributes.push({
      type: rawType & NLA_TYPE_MASK,
      nested: (rawType & NLA_F_NESTED) !== 0,
      payload: buf.subarray(offset + NLA_HDRLEN, offset + length),
    });
    offset += align4(length);
  }
  return attributes;
}

/** Attributes by type; when a type repeats the last one wins (as nla_parse does). */
export function attributeMap(buf: Buffer): Map<number, Buffer> {
  const map = new Map<number, Buffer>();
  for (const attribute of parseAttributes(buf)) map.set(attribute.type, attribute.payload);
  return map;
}

function need(payload: Buffer, bytes: number, kind: string): void {
  if (payload.length < bytes) {
    throw new NetlinkCodecError(`${kind} attribute needs ${bytes} bytes, got ${payload.length}`);
  }
}

export function readU8(payload: Buffer): number {
  need(payload, 1, 'u8');
  return payload.readUInt8(0);
}

export function readU16(payload: Buffer): number {
  need(payload, 2, 'u16');
  return hostOrder.readU16(payload, 0);
}

export function readU16be(payload: Buffer): number {
  need(payload, 2, 'u16');
  return payload.readUInt16BE(0);
}

export function readU32(payload: Buffer): number {
  need(payload, 4, 'u32');
  return hostOrder.readU32(payload, 0);
}

export function readU32be(payload: Buffer): number {
  need(payload, 4, 'u32');
  return payload.readUInt32BE(0);
}

export function readU64(payload: Buffer): bigint {
  need(payload, 8, 'u64');
  return hostOrder.readU64(payload, 0);
}

/** UTF-8 text up to the first NUL (or the whole payload when there is none). */
export function readString(payload: Buffer): string {
  const end = payload.indexOf(0);
  return payload.toString('utf8', 0, end === -1 ? payload.length : end);
}
