// Collects the answer to one request from successive datagrams (reference §1.6): a "do" request ends at
// its NLMSG_ERROR (0 = ACK), a dump at NLMSG_DONE or an NLMSG_ERROR that refused to start it. Messages
// with another sequence number are leftovers of an abandoned request and are skipped.
import {
  NLMSG_HDRLEN,
  GENL_HDRLEN,
  NLMSG_DONE,
  NLMSG_ERROR,
  NLMSG_NOOP,
  NLMSG_OVERRUN,
  decodeError,
  decodeGenlHeader,
  decodeMessages,
  messageAt,
  messageLengthAt,
  NetlinkCodecError,
  type NetlinkMessage,
} from './codec/index.js';
import { hostOrder } from './codec/host-order.js';
import { NetlinkError, errno } from './netlink-error.js';

export interface GenlReply {
  cmd: number;
  version: number;
  /** The reply's attributes (after the genlmsghdr), ready for parseAttributes/attributeMap. */
  attributes: Buffer;
}

export interface Transaction {
  /** Describes the request in errors, e.g. `dump IPVS cmd 4`. */
  op: string;
  seq: number;
  /** Replies are expected with this nlmsg_type (the family id); others are skipped. */
  familyId: number;
}

/**
 * Reads datagrams from `nextDatagram` until the transaction ends. Returns the replies in order; throws
 * NetlinkError with the kernel's errno (and extack text) when it refused the request.
 */
export function collectReplies(transaction: Transaction, nextDatagram: () => Buffer): GenlReply[] {
  const replies: GenlReply[] = [];
  for (;;) {
    for (const message of decodeMessages(nextDatagram())) {
      if (message.seq !== transaction.seq || message.type === NLMSG_NOOP) continue;
      if (message.type === NLMSG_ERROR || message.type === NLMSG_DONE) {
        throwIfFailed(transaction.op, message);
        return replies;
      }
      if (message.type === NLMSG_OVERRUN) {
        throw new NetlinkError(transaction.op, errno.ENOBUFS, {
          extackMessage: 'kernel reported NLMSG_OVERRUN',
        });
      }
      if (message.type === transaction.familyId) replies.push(decodeGenlHeader(message.payload));
    }
  }
}

function throwIfFailed(op: string, message: NetlinkMessage): void {
  const decoded = decodeError(message.payload, message.flags, message.type);
  if (decoded.errno === 0) return;
  throw new NetlinkError(op, decoded.errno, {
    extackMessage: decoded.extack?.message,
    extackOffset: decoded.extack?.offset,
  });
}

/** Receives each reply's attributes as buf[start, end): a view that is valid only during the call. */
export type ReplyVisitor = (buf: Buffer, start: number, end: number) => void;

/**
 * collectReplies without building message objects: walks each datagram's headers in place and hands
 * every reply's attribute range to `onReply` before asking for the next datagram, so `nextDatagram` may
 * reuse one buffer. Same rules: other sequence numbers skipped, ends at DONE or ERROR, throws refusals.
 */
export function visitReplies(
  transaction: Transaction,
  nextDatagram: () => Buffer,
  onReply: ReplyVisitor,
): void {
  while (!visitDatagram(transaction, nextDatagram(), onReply));
}

/**
 * visitReplies as steps: yields after each datagram that did not end the transaction, so a long dump
 * (10,000 real servers: ~75 datagrams, ~150 ms in the guest) can let the event loop run in between.
 * `nextIsAtHand`: when the next datagram is already in memory (the recvmmsg batch), reading it costs no
 * system call, so no step is made: a GET_DEST dump of a few real servers (its data, then NLMSG_DONE,
 * read by one recvmmsg) ends without a step. Its caller keeps the socket to this dump while suspended.
 */
export function* visitRepliesSteps(
  transaction: Transaction,
  nextDatagram: () => Buffer,
  onReply: ReplyVisitor,
  nextIsAtHand: () => boolean = () => false,
): Generator<void, void, void> {
  while (!visitDatagram(transaction, nextDatagram(), onReply)) if (!nextIsAtHand()) yield;
}

/** Visits one datagram's replies; true when it ended the transaction (DONE or ERROR). */
function visitDatagram(transaction: Transaction, buf: Buffer, onReply: ReplyVisitor): boolean {
  let offset = 0;
  while (offset + NLMSG_HDRLEN <= buf.length) {
    const length = messageLengthAt(buf, offset);
    const type = hostOrder.readU16(buf, offset + 4);
    if (hostOrder.readU32(buf, offset + 8) === transaction.seq && type !== NLMSG_NOOP) {
      // A dump that completed (NLMSG_DONE, s32 0) ends the transaction: no objects for the common case
      // (once per GET_DEST, 1,000 times a snapshot). Anything else is decoded in full below.
      if (type === NLMSG_DONE && length >= NLMSG_HDRLEN + 4 && hostOrder.readS32(buf, offset + 16) === 0)
        return true;
      if (type === NLMSG_ERROR || type === NLMSG_DONE) {
        const message = messageAt(buf, offset, length);
        throwIfFailed(transaction.op, message);
        return true;
      }
      if (type === NLMSG_OVERRUN) {
        throw new NetlinkError(transaction.op, errno.ENOBUFS, {
          extackMessage: 'kernel reported NLMSG_OVERRUN',
        });
      }
      if (type === transaction.familyId) {
        if (length < NLMSG_HDRLEN + GENL_HDRLEN) {
          throw new NetlinkCodecError(`generic netlink message of ${length} bytes has no genlmsghdr`);
        }
        onReply(buf, offset + NLMSG_HDRLEN + GENL_HDRLEN, offset + length);
      }
    }
    offset += (length + 3) & ~3;
  }
  return false;
}
