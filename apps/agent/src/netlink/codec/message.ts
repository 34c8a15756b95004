// struct nlmsghdr framing (include/uapi/linux/netlink.h) and the generic-netlink header that follows it
// (struct genlmsghdr, include/uapi/linux/genetlink.h). Several messages may share one datagram, each
// starting at NLMSG_ALIGN of the previous one's nlmsg_len.
import { NetlinkCodecError } from './codec-error.js';
import { GENL_HDRLEN, NLMSG_HDRLEN, align4 } from './constants.js';
import { hostOrder } from './host-order.js';

export interface NetlinkMessage {
  type: number;
  flags: number;
  seq: number;
  /** Sender port id: 0 from user space to the kernel; on replies the receiving socket's own port id. */
  pid: number;
  /** Bytes after the 16-byte header, up to nlmsg_len (padding excluded). A view, not a copy. */
  payload: Buffer;
}

export interface MessageToEncode {
  type: number;
  flags: number;
  seq: number;
  pid?: number;
  payload: Buffer;
}

export interface GenlMessageToEncode {
  type: number;
  flags: number;
  seq: number;
  cmd: number;
  version: number;
  /** Attributes as written by AttributeWriter.toBuffer(). */
  attributes: Buffer;
}

export interface GenlHeader {
  cmd: number;
  version: number;
  attributes: Buffer;
}

function checkField(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new NetlinkCodecError(`${name} ${value} is not an integer in 0..${max}`);
  }
}

/** One message: header, payload, zero padding to 4 bytes (nlmsg_len excludes the padding). */
export function encodeMessage(message: MessageToEncode): Buffer {
  const { type, flags, seq, pid = 0, payload } = message;
  checkField('nlmsg_type', type, 0xffff);
  checkField('nlmsg_flags', flags, 0xffff);
  checkField('nlmsg_seq', seq, 0xffffffff);
  checkField('nlmsg_pid', pid, 0xffffffff);
  const length = NLMSG_HDRLEN + payload.length;
  const out = Buffer.alloc(align4(length));
  hostOrder.writeU32(out, length, 0);
  hostOrder.writeU16(out, type, 4);
  hostOrder.writeU16(out, flags, 6);
  hostOrder.writeU32(out, seq, 8);
  hostOrder.writeU32(out, pid, 12);
  payload.copy(out, NLMSG_HDRLEN);
  return out;
}

/**
 * A generic-netlink request: nlmsghdr (type = family id), genlmsghdr (reserved 0), attributes, written
 * in one pass into one buffer. Requests come from Buffer's shared pool (allocUnsafe, padding zeroed): the
 * snapshot reader sends 1,001 per poll, and a standalone ArrayBuffer each (two, before) was measurable
 * garbage-collection work in the user-mode-Linux benchmark.
 */
export function encodeGenl(message: GenlMessageToEncode): Buffer {
  const { type, flags, seq, cmd, version, attributes } = message;
  checkField('nlmsg_type', type, 0xffff);
  checkField('nlmsg_flags', flags, 0xffff);
  checkField('nlmsg_seq', seq, 0xffffffff);
  checkField('genl cmd', cmd, 0xff);
  checkField('genl version', version, 0xff);
  const length = NLMSG_HDRLEN + GENL_HDRLEN + attributes.length;
  const out = Buffer.allocUnsafe(align4(length));
  hostOrder.writeU32(out, length, 0);
  hostOrder.writeU16(out, type, 4);
  hostOrder.writeU16(out, flags, 6);
  hostOrder.writeU32(out, seq, 8);
  hostOrder.writeU32(out, 0, 12);
  out.writeUInt8(cmd, NLMSG_HDRLEN);
  out.writeUInt8(version, NLMSG_HDRLEN + 1);
  out.writeUInt16LE(0, NLMSG_HDRLEN + 2);
  attributes.copy(out, NLMSG_HDRLEN + GENL_HDRLEN);
  out.fill(0, length);
  return out;
}

/**
 * The nlmsg_len of the message at `offset`, checked: throws NetlinkCodecError on a length below 16 or
 * beyond the datagram. The one framing rule of decodeMessages and the in-place walk (reply-collector.ts).
 */
export function messageLengthAt(buf: Buffer, offset: number): number {
  const length = hostOrder.readU32(buf, offset);
  if (length < NLMSG_HDRLEN || offset + length > buf.length) {
    throw new NetlinkCodecError(
      `netlink message at offset ${offset} has length ${length}, datagram has ${buf.length - offset} bytes left`,
    );
  }
  return length;
}

/** The message at `offset` whose checked length is `length`; its payload is a view of `buf`. */
export function messageAt(buf: Buffer, offset: number, length: number): NetlinkMessage {
  return {
    type: hostOrder.readU16(buf, offset + 4),
    flags: hostOrder.readU16(buf, offset + 6),
    seq: hostOrder.readU32(buf, offset + 8),
    pid: hostOrder.readU32(buf, offset + 12),
    payload: buf.subarray(offset + NLMSG_HDRLEN, offset + length),
  };
}

/**
 * Every message in one received datagram, in order. Ignores trailing bytes shorter than a header;
 * throws NetlinkCodecError on an nlmsg_len below 16 or beyond the datagram.
 */
export function decodeMessages(buf: Buffer): NetlinkMessage[] {
  const messages: NetlinkMessage[] = [];
  let offset = 0;
  while (offset + NLMSG_HDRLEN <= buf.length) {
    const length = messageLengthAt(buf, offset);
    messages.push(messageAt(buf, offset, length));
    offset += align4(length);
  }
  return messages;
}

/** The genlmsghdr at the start of a generic-netlink message payload, and the attributes after it. */
export function decodeGenlHeader(payload: Buffer): GenlHeader {
  if (payload.length < GENL_HDRLEN) {
    throw new NetlinkCodecError(`generic netlink payload of ${payload.length} bytes has no genlmsghdr`);
  }
  return {
    cmd: payload.readUInt8(0),
    version: payload.readUInt8(1),
    attributes: payload.subarray(GENL_HDRLEN),
  };
}
