// A generic-netlink client connection: one socket for calls (one request in flight on it) and sockets of
// their own for dumps read in steps (stepped-dumps.ts); sequence numbers; family ids cached. Calls are
// synchronous: the kernel answers inside sendto() (reference §1.1), so each call is short; callers yield
// to the event loop between calls, and stepped dumps between datagrams.
import {
  type GenlMessageToEncode,
  CTRL_CMD_GETFAMILY,
  GENL_ID_CTRL,
  GENL_MIN_ID,
  NLM_F_ACK,
  NLM_F_DUMP,
  NLM_F_REQUEST,
  NetlinkCodecError,
  encodeGenl,
} from './codec/index.js';
import { sendBatch, type BatchRequest } from './batch-request.js';
import { MAX_FAMILY_NAME_LENGTH, decodeFamilyInfo, familyQuery, type FamilyInfo } from './family-info.js';
import { FamilyNotFoundError, NetlinkError, errno } from './netlink-error.js';
import { NetlinkSocket } from './netlink-socket.js';
import { collectReplies, visitReplies, type GenlReply, type ReplyVisitor } from './reply-collector.js';
import { POISONING_REFUSALS, SteppedDumps, closeQuietly } from './stepped-dumps.js';

export interface GenlConnectionOptions {
  /** How long one call may wait for the kernel (default 5000 ms). */
  timeoutMs?: number;
  /** Receive buffer per datagram (default 64 KiB; kernel dump datagrams are at most ~32 KiB). */
  recvBufferBytes?: number;
}

// The genl version sent in GETFAMILY requests; the controller ignores it (reference §1.10 sends 1).
const CONTROLLER_REQUEST_VERSION = 1;

/**
 * What transact encodes, and the operation its errors name. `seq` is 0 until transact sets it: the
 * request object is encoded as it is, without a copy.
 */
interface GenlRequest extends GenlMessageToEncode {
  op: string;
}

function dumpRequest(family: string, cmd: number, info: FamilyInfo, attributes: Buffer): GenlRequest {
  const flags = NLM_F_REQUEST | NLM_F_DUMP;
  const op = `dump ${family} cmd ${cmd}`;
  return { op, type: info.id, flags, seq: 0, cmd, version: info.version, attributes };
}

export class GenlConnection {
  private readonly timeoutMs: number;
  private readonly recvBufferBytes: number;
  private readonly families = new Map<string, FamilyInfo>();
  private socket: NetlinkSocket | undefined;
  /** dumpEachSteps' sockets: never this.socket, which other calls use while a stepped dump is suspended. */
  private readonly steppedDumps: SteppedDumps;
  private lastSeq = 0;
  private closed = false;
  /** The current transaction's deadline, set when it first has to wait (Date.now() value). */
  private deadline: number | undefined;
  /** Made once, not per transaction: a snapshot runs 1,001 transactions per poll. */
  private readonly deadlineOf = (): number => (this.deadline ??= Date.now() + this.timeoutMs);

  private constructor(options: GenlConnectionOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.recvBufferBytes = options.recvBufferBytes ?? 65536;
    this.socket = NetlinkSocket.open(this.recvBufferBytes);
    this.steppedDumps = new SteppedDumps(this.recvBufferBytes, this.timeoutMs);
  }

  /** Opens and binds a NETLINK_GENERIC socket; throws NetlinkError if this host cannot. */
  static open(options: GenlConnectionOptions = {}): GenlConnection {
    return new GenlConnection(options);
  }

  /** The family's id, version and operations (CTRL_CMD_GETFAMILY), cached until a call hits ENOENT. */
  resolveFamily(name: string): FamilyInfo {
    const cached = this.families.get(name);
    if (cached) return cached;
    const op = `resolve family ${name}`;
    if (name.length === 0 || Buffer.byteLength(name) > MAX_FAMILY_NAME_LENGTH || name.includes('\0')) {
      throw new NetlinkError(op, errno.EINVAL, { extackMessage: 'family names are 1-15 bytes' });
    }
    const info = this.queryController(op, name)
      .map((reply) => decodeFamilyInfo(reply.attributes))
      .find((family) => family !== undefined);
    if (!info) {
      throw new NetlinkError(op, errno.EPROTO, { extackMessage: 'controller reply has no family id' });
    }
    // Control types below 0x10 are ACKed without being executed (af_netlink netlink_rcv_skb), so a
    // bogus id would make every later request "succeed" silently (moby/ipvs #27). Never cache one.
    if (info.id < GENL_MIN_ID) {
      throw new NetlinkError(op, errno.EPROTO, {
        extackMessage: `controller answered reserved id ${info.id}`,
      });
    }
    this.families.set(name, info);
    return info;
  }

  /** A "do" request with NLM_F_ACK: the replies (zero or one for IPVS) before the kernel's ACK. */
  request(family: string, cmd: number, attributes: Buffer): GenlReply[] {
    const flags = NLM_F_REQUEST | NLM_F_ACK;
    return this.withFamily(family, (info) =>
      this.transact({
        op: `do ${family} cmd ${cmd}`,
        type: info.id,
        flags,
        seq: 0,
        cmd,
        version: info.version,
        attributes,
      }),
    );
  }

  /**
   * Many "do" requests, up to 100 per datagram (batch-request.ts): per request sent null (done) or the
   * kernel's refusal. The kernel runs the rest of a datagram after a refusal, but no later datagram is
   * sent (the result is then shorter). Throws when the transport fails (outcome unknown).
   */
  requestBatch(family: string, requests: readonly BatchRequest[]): (NetlinkError | null)[] {
    const info = this.resolveFamily(family);
    const op = `do ${family} batch`;
    if (this.closed) throw new NetlinkError(op, errno.EBADF, { extackMessage: 'connection is closed' });
    const socket = (this.socket ??= NetlinkSocket.open(this.recvBufferBytes));
    try {
      return sendBatch(socket, { op, info, nextSeq: () => this.nextSeq() }, requests);
    } catch (error) {
      this.discardSocket(); // answers may be left unread or dropped: the socket's state is in doubt
      throw error instanceof NetlinkCodecError
        ? new NetlinkError(op, errno.EPROTO, { extackMessage: error.message, cause: error })
        : error;
    }
  }

  /** A dump (NLM_F_DUMP): every reply until NLMSG_DONE. */
  dump(family: string, cmd: number, attributes: Buffer): GenlReply[] {
    return this.withFamily(family, (info) => this.transact(dumpRequest(family, cmd, info, attributes)));
  }

  /**
   * A dump whose replies' attributes are handed to `onReply` as ranges of the receive buffer, valid only
   * during the call: no copy or object per reply, for readers that copy what they keep (snapshots).
   */
  dumpEach(family: string, cmd: number, attributes: Buffer, onReply: ReplyVisitor): void {
    this.withFamily(family, (info) => {
      this.transact(dumpRequest(family, cmd, info, attributes), onReply);
      return [];
    });
  }

  /**
   * dumpEach as steps: yields after each datagram that did not end the dump, so a caller can give the
   * event loop a turn inside one long dump (a service of 10,000 real servers). Runs on a socket of its
   * own (stepped-dumps.ts), so this connection's other calls may run while it is suspended. ENOENT
   * before any reply is retried once under a re-resolved family id, as withFamily does.
   */
  *dumpEachSteps(
    family: string,
    cmd: number,
    attributes: Buffer,
    onReply: ReplyVisitor,
  ): Generator<void, void, void> {
    const info = this.resolveFamily(family);
    let visited = false;
    const visit: ReplyVisitor = (buf, start, end) => {
      visited = true;
      onReply(buf, start, end);
    };
    const request = dumpRequest(family, cmd, info, attributes);
    request.seq = this.nextSeq();
    try {
      yield* this.steppedDumps.run(request, visit);
    } catch (error) {
      if (visited || !(error instanceof NetlinkError) || error.errno !== errno.ENOENT) throw error;
      this.families.delete(family);
      const fresh = this.resolveFamily(family);
      if (fresh.id === info.id) throw error;
      const retry = dumpRequest(family, cmd, fresh, attributes);
      retry.seq = this.nextSeq();
      yield* this.steppedDumps.run(retry, onReply);
    }
  }

  close(): void {
    this.closed = true;
    this.discardSocket();
    this.steppedDumps.close();
  }

  /**
   * Runs `call` with the family's id. An ENOENT may mean the module was reloaded under a new id: forget
   * the id, resolve again, and retry once if it changed (ENOENT from the handler itself is rethrown).
   */
  private withFamily(family: string, call: (info: FamilyInfo) => GenlReply[]): GenlReply[] {
    const info = this.resolveFamily(family);
    try {
      return call(info);
    } catch (error) {
      if (!(error instanceof NetlinkError) || error.errno !== errno.ENOENT) throw error;
      this.families.delete(family);
      const fresh = this.resolveFamily(family);
      if (fresh.id === info.id) throw error;
      return call(fresh);
    }
  }

  /** CTRL_CMD_GETFAMILY by name; ENOENT from the controller means the family does not exist. */
  private queryController(op: string, name: string): GenlReply[] {
    const flags = NLM_F_REQUEST | NLM_F_ACK;
    const attributes = familyQuery(name);
    try {
      return this.transact({
        op,
        type: GENL_ID_CTRL,
        flags,
        seq: 0,
        cmd: CTRL_CMD_GETFAMILY,
        version: CONTROLLER_REQUEST_VERSION,
        attributes,
      });
    } catch (error) {
      if (error instanceof NetlinkError && error.errno === errno.ENOENT) {
        throw new FamilyNotFoundError(name, { extackMessage: error.extackMessage, cause: error });
      }
      throw error;
    }
  }

  /**
   * Sends one request and collects its answer (or hands each reply to `visit`, reading datagrams into the
   * socket's own buffer without copies); replaces the socket when its state is in doubt.
   */
  private transact(request: GenlRequest, visit?: ReplyVisitor): GenlReply[] {
    const { op, type } = request;
    if (this.closed) throw new NetlinkError(op, errno.EBADF, { extackMessage: 'connection is closed' });
    if (type < GENL_MIN_ID) {
      throw new NetlinkError(op, errno.EINVAL, { extackMessage: `family id ${type} is reserved` });
    }
    request.seq = this.nextSeq();
    const bytes = encodeGenl(request);
    const socket = (this.socket ??= NetlinkSocket.open(this.recvBufferBytes));
    // The kernel answers inside sendto(), so most transactions never wait: the clock is read only when
    // a wait starts (in user-mode Linux every clock read is a system call).
    this.deadline = undefined;
    // A kernel refusal (NLMSG_ERROR/DONE with -errno) ends the transaction cleanly and the socket stays;
    // a transport failure (timeout, truncation, socket error) or a malformed answer leaves it in doubt.
    let transportFailed = false;
    let first = true;
    try {
      transportFailed = true;
      socket.send(op, bytes);
      const transaction = { op, seq: request.seq, familyId: type };
      const nextDatagram = (): Buffer => {
        transportFailed = true;
        const datagram = visit
          ? socket.receiveView(op, this.deadlineOf)
          : this.receiveAnswer(socket, request, first);
        first = false;
        transportFailed = false;
        return datagram;
      };
      transportFailed = false;
      if (visit === undefined) return collectReplies(transaction, nextDatagram);
      visitReplies(transaction, nextDatagram, visit);
      return [];
    } catch (error) {
      const poisoned = error instanceof NetlinkError && POISONING_REFUSALS.has(error.errno);
      if (transportFailed || poisoned || !(error instanceof NetlinkError)) this.discardSocket();
      if (error instanceof NetlinkCodecError) {
        throw new NetlinkError(op, errno.EPROTO, { extackMessage: error.message, cause: error });
      }
      throw error;
    }
  }

  /** The next datagram answering `request` (copied out of the socket's buffer). */
  private receiveAnswer(socket: NetlinkSocket, request: GenlRequest, first: boolean): Buffer {
    const { op } = request;
    if (!first || (request.flags & NLM_F_DUMP) === NLM_F_DUMP) return socket.receive(op, this.deadlineOf);
    // A do-request is handled inside sendto(), so its ACK is queued by now. Nothing queued means the
    // handler returned -EINTR, whose ACK netlink_rcv_skb() skips (af_netlink.c): e.g. IPVS stopping a
    // sync thread that had not run yet. The change may have happened; callers must read back.
    const datagram = socket.receiveQueued(op);
    if (datagram) return datagram;
    throw new NetlinkError(op, errno.EINTR, {
      extackMessage: 'the kernel sent no acknowledgement (its handler was interrupted)',
    });
  }

  /** Per-connection sequence numbers, skipping 0 when the u32 wraps. */
  private nextSeq(): number {
    this.lastSeq = this.lastSeq >= 0xffffffff ? 1 : this.lastSeq + 1;
    return this.lastSeq;
  }

  private discardSocket(): void {
    const socket = this.socket;
    this.socket = undefined;
    closeQuietly(socket);
  }
}
