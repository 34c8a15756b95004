// Collects the answer to one request from successive datagrams (reference §1.6): a "do" request ends at
// its NLMSG_ERROR (0 = ACK), a dump at NLMSG_DONE or an NLMSG_ERROR that refused to start it. Messages
// with another sequence number are leftovers of an abandoned request and are skipped.
import {
  NLMSG_DONE,
  NLMSG_ERROR,
  NLMSG_NOOP,
  NLMSG_OVERRUN,
  decodeError,
  decodeGenlHeader,
  decodeMessages,
  type NetlinkMessage,
} from './codec/index.js';
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
