// Decodes NLMSG_ERROR (struct nlmsgerr: s32 error, the request's nlmsghdr, the request payload unless
// NLM_F_CAPPED, then NLMSGERR_ATTR_* TLVs if NLM_F_ACK_TLVS) and the NLMSG_DONE payload (s32 error, then
// TLVs if NLM_F_ACK_TLVS). Layout from net/netlink/af_netlink.c netlink_ack() and netlink_dump_done().
import { parseAttributes, readString, readU32 } from './attribute-reader.js';
import { NetlinkCodecError } from './codec-error.js';
import {
  NLMSG_DONE,
  NLMSG_ERROR,
  NLMSG_HDRLEN,
  NLMSGERR_ATTR_MISS_TYPE,
  NLMSGERR_ATTR_MSG,
  NLMSGERR_ATTR_OFFS,
  NLM_F_ACK_TLVS,
  NLM_F_CAPPED,
  align4,
} from './constants.js';
import { hostOrder } from './host-order.js';

export interface ExtendedAck {
  /** The kernel's explanation (NLMSGERR_ATTR_MSG). */
  message?: string;
  /** Byte offset of the offending attribute from the start of the request's nlmsghdr (NLMSGERR_ATTR_OFFS). */
  offset?: number;
  /** A required attribute that was missing (NLMSGERR_ATTR_MISS_TYPE). */
  missingType?: number;
}

export interface DecodedError {
  /** Positive errno; 0 means success (an ACK, or a dump that completed). */
  errno: number;
  /** nlmsg_type of the request this answers; 0 for NLMSG_DONE, which does not echo it. */
  requestType: number;
  extack?: ExtendedAck;
}

const ERROR_FIELD = 4;

/**
 * `messageType` says which control message `payload` came from: NLMSG_ERROR (the default) or NLMSG_DONE.
 * `flags` are that message's nlmsg_flags.
 */
export function decodeError(payload: Buffer, flags: number, messageType: number = NLMSG_ERROR): DecodedError {
  if (messageType === NLMSG_DONE) return decodeDone(payload, flags);
  if (messageType !== NLMSG_ERROR) {
    throw new NetlinkCodecError(`message type ${messageType} carries no error code`);
  }
  const requestHeaderEnd = ERROR_FIELD + NLMSG_HDRLEN;
  if (payload.length < requestHeaderEnd) {
    throw new NetlinkCodecError(
      `NLMSG_ERROR payload of ${payload.length} bytes is shorter than struct nlmsgerr`,
    );
  }
  const errno = toErrno(hostOrder.readS32(payload, 0));
  const requestLength = hostOrder.readU32(payload, ERROR_FIELD);
  const requestType = hostOrder.readU16(payload, ERROR_FIELD + 4);
  const echoed = (flags & NLM_F_CAPPED) !== 0 ? 0 : align4(Math.max(requestLength - NLMSG_HDRLEN, 0));
  const tlvStart = requestHeaderEnd + echoed;
  if (tlvStart > payload.length) {
    throw new NetlinkCodecError(
      `NLMSG_ERROR echoes a ${requestLength}-byte request but holds ${payload.length} bytes`,
    );
  }
  const extack = (flags & NLM_F_ACK_TLVS) !== 0 ? decodeExtendedAck(payload.subarray(tlvStart)) : undefined;
  return extack ? { errno, requestType, extack } : { errno, requestType };
}

function decodeDone(payload: Buffer, flags: number): DecodedError {
  // The kernel always sends the s32; an empty DONE (some user-space senders) means success.
  if (payload.length === 0) return { errno: 0, requestType: 0 };
  if (payload.length < ERROR_FIELD) {
    throw new NetlinkCodecError(`NLMSG_DONE payload of ${payload.length} bytes is not an s32 error`);
  }
  const errno = toErrno(hostOrder.readS32(payload, 0));
  const extack =
    (flags & NLM_F_ACK_TLVS) !== 0 ? decodeExtendedAck(payload.subarray(ERROR_FIELD)) : undefined;
  return extack ? { errno, requestType: 0, extack } : { errno, requestType: 0 };
}

// The kernel sends -errno; a positive value is not produced by Linux but is read the same way.
function toErrno(error: number): number {
  return Math.abs(error);
}

function decodeExtendedAck(tlvs: Buffer): ExtendedAck | undefined {
  const extack: ExtendedAck = {};
  for (const attribute of parseAttributes(tlvs)) {
    if (attribute.type === NLMSGERR_ATTR_MSG) extack.message = readString(attribute.payload);
    else if (attribute.type === NLMSGERR_ATTR_OFFS) extack.offset = readU32(attribute.payload);
    else if (attribute.type === NLMSGERR_ATTR_MISS_TYPE) extack.missingType = readU32(attribute.payload);
  }
  return Object.keys(extack).length > 0 ? extack : undefined;
}
