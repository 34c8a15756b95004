// Many generic-netlink "do" requests in few datagrams. The kernel runs every message of a datagram in turn
// (af_netlink.c netlink_rcv_skb) and, for a message sent without NLM_F_ACK, answers only a failure (an
// NLMSG_ERROR carrying that message's seq), going on with the next message. The last message of each
// datagram carries NLM_F_ACK, so its answer (ACK or error) closes the datagram. All of it happens inside
// sendto(), so every answer is queued when sendto() returns.
import {
  GENL_HDRLEN,
  NLM_F_ACK,
  NLM_F_REQUEST,
  NLMSG_ERROR,
  NLMSG_HDRLEN,
  align4,
  decodeError,
  decodeMessages,
} from './codec/index.js';
import { hostOrder } from './codec/host-order.js';
import type { FamilyInfo } from './family-info.js';
import { NetlinkError, errno } from './netlink-error.js';
import type { NetlinkSocket } from './netlink-socket.js';

export interface BatchRequest {
  cmd: number;
  /** Attributes as written by AttributeWriter.toBuffer(). */
  attributes: Buffer;
}

/**
 * Datagram limits. Each failure is answered by its own NLMSG_ERROR skb (~1 KiB of receive-queue truesize
 * with NETLINK_CAP_ACK), so 100 messages can never overflow the default 208 KiB receive queue (which would
 * drop answers: ENOBUFS); 32 KiB stays well under the default 208 KiB send buffer.
 */
export interface BatchLimits {
  maxBytes: number;
  maxMessages: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxBytes: 32 * 1024, maxMessages: 100 };

/** Splits encoded message sizes into consecutive [start, end) runs within the limits (at least one each). */
export function splitBatches(sizes: readonly number[], limits: BatchLimits): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (const [index, size] of sizes.entries()) {
    if (index > start && (bytes + size > limits.maxBytes || index - start >= limits.maxMessages)) {
      runs.push([start, index]);
      start = index;
      bytes = 0;
    }
    bytes += size;
  }
  if (start < sizes.length) runs.push([start, sizes.length]);
  return runs;
}

export interface BatchTarget {
  op: string;
  info: FamilyInfo;
  nextSeq: () => number;
}

/**
 * requests[start, end) as one datagram, written in place (no buffer per message): nlmsghdr, genlmsghdr,
 * attributes; NLM_F_ACK on the last only. Records each message's seq in `seqs`.
 */
export function encodeDatagram(
  target: BatchTarget,
  requests: readonly BatchRequest[],
  start: number,
  end: number,
  sizes: readonly number[],
  seqs: Map<number, number>,
): Buffer {
  let total = 0;
  for (let i = start; i < end; i++) total += sizes[i] ?? 0;
  const datagram = Buffer.alloc(total);
  let at = 0;
  for (let i = start; i < end; i++) {
    const request = requests[i] as BatchRequest;
    const seq = target.nextSeq();
    seqs.set(seq, i);
    const flags = NLM_F_REQUEST | (i === end - 1 ? NLM_F_ACK : 0);
    hostOrder.writeU32(datagram, NLMSG_HDRLEN + GENL_HDRLEN + request.attributes.length, at);
    hostOrder.writeU16(datagram, target.info.id, at + 4);
    hostOrder.writeU16(datagram, flags, at + 6);
    hostOrder.writeU32(datagram, seq, at + 8);
    // nlmsg_pid 0 (the kernel), genlmsghdr reserved 0: Buffer.alloc zeroed them.
    datagram[at + NLMSG_HDRLEN] = request.cmd;
    datagram[at + NLMSG_HDRLEN + 1] = target.info.version;
    request.attributes.copy(datagram, at + NLMSG_HDRLEN + GENL_HDRLEN);
    at += sizes[i] ?? 0;
  }
  return datagram;
}

/**
 * Sends `requests` in datagrams within `limits` and returns, per request sent, null (done) or the kernel's
 * refusal. No datagram is sent after one with a refusal, so the result is then shorter than `requests`
 * (the kernel itself ran the rest of that datagram). Throws NetlinkError when the transport fails (the
 * outcome of the batch is then unknown).
 */
export function sendBatch(
  socket: NetlinkSocket,
  target: BatchTarget,
  requests: readonly BatchRequest[],
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): (NetlinkError | null)[] {
  const results: (NetlinkError | null)[] = requests.map(() => null);
  const sizes = requests.map((request) => NLMSG_HDRLEN + GENL_HDRLEN + align4(request.attributes.length));
  for (const [start, end] of splitBatches(sizes, limits)) {
    const seqs = new Map<number, number>();
    socket.send(target.op, encodeDatagram(target, requests, start, end, sizes, seqs));
    const refused = readAnswers(socket, target.op, seqs, end - 1, results);
    if (refused) return results.slice(0, end);
  }
  return results;
}

/**
 * Reads the queued answers of one datagram into `results` until the answer to `lastIndex` arrives; true
 * when any request of the datagram was refused.
 */
function readAnswers(
  socket: NetlinkSocket,
  op: string,
  seqs: ReadonlyMap<number, number>,
  lastIndex: number,
  results: (NetlinkError | null)[],
): boolean {
  let refused = false;
  for (;;) {
    const datagram = socket.receiveQueued(op);
    if (datagram === null) {
      // No answer for the ACKed last message: its handler returned -EINTR, whose ACK netlink_rcv_skb
      // skips (as in GenlConnection.transact). The change may have happened.
      results[lastIndex] = new NetlinkError(op, errno.EINTR, {
        extackMessage: 'the kernel sent no acknowledgement (its handler was interrupted)',
      });
      return true;
    }
    for (const message of decodeMessages(datagram)) {
      const index = seqs.get(message.seq);
      if (index === undefined || message.type !== NLMSG_ERROR) continue;
      const decoded = decodeError(message.payload, message.flags, message.type);
      if (decoded.errno !== 0) {
        refused = true;
        results[index] = new NetlinkError(op, decoded.errno, {
          extackMessage: decoded.extack?.message,
          extackOffset: decoded.extack?.offset,
        });
      }
      if (index === lastIndex) return refused;
    }
  }
}
