// Dumps read as steps (one datagram per step) on sockets of their own. While a stepped dump is suspended
// its socket holds an unfinished dump: a request sent on it would be refused with EBUSY, and a reader
// would receive the dump's datagrams. The connection's other calls (a change's reads and commands,
// /info, capabilities...) are not serialised with the poller, so they never use these sockets: each
// running stepped dump has a socket to itself, and one finished cleanly is kept for the next.
import { NetlinkCodecError, encodeGenl, type GenlMessageToEncode } from './codec/index.js';
import { NetlinkError, errno } from './netlink-error.js';
import { NetlinkSocket } from './netlink-socket.js';
import { visitRepliesSteps, type ReplyVisitor } from './reply-collector.js';

/** A dump request ready to encode, with the operation its errors name. */
export interface SteppedDumpRequest extends GenlMessageToEncode {
  op: string;
}

/**
 * Kernel answers after which a socket must not be reused (reference §1.9): EBUSY means an earlier dump
 * is still running on it, ENOBUFS that a reply was dropped and we cannot know which.
 */
export const POISONING_REFUSALS: ReadonlySet<number> = new Set<number>([errno.EBUSY, errno.ENOBUFS]);

export class SteppedDumps {
  /** A socket whose last dump ended cleanly: the next stepped dump uses it (no socket per poll). */
  private idle: NetlinkSocket | undefined;
  /** Sockets of dumps that are running or suspended, closed with the connection. */
  private readonly running = new Set<NetlinkSocket>();
  private closed = false;

  constructor(
    private readonly recvBufferBytes: number,
    /** How long one datagram may be waited for; time spent suspended between steps does not count. */
    private readonly timeoutMs: number,
  ) {}

  /**
   * Sends `request` (seq already set) and visits its replies, yielding after each datagram that did not
   * end the dump and whose successor is not already received (recvmmsg reads two at a time). Throws the kernel's refusal as NetlinkError. A socket whose state is in doubt
   * (transport failure, malformed answer, EBUSY/ENOBUFS, or the dump abandoned mid-way through the
   * generator's return()) is closed, never reused.
   */
  *run(request: SteppedDumpRequest, visit: ReplyVisitor): Generator<void, void, void> {
    const { op } = request;
    if (this.closed) throw new NetlinkError(op, errno.EBADF, { extackMessage: 'connection is closed' });
    const bytes = encodeGenl(request);
    const socket = this.idle ?? NetlinkSocket.open(this.recvBufferBytes);
    this.idle = undefined;
    this.running.add(socket);
    let reusable = false;
    let transportFailed = true;
    let deadline: number | undefined;
    const deadlineOf = (): number => (deadline ??= Date.now() + this.timeoutMs);
    const nextDatagram = (): Buffer => {
      if (this.closed) throw new NetlinkError(op, errno.EBADF, { extackMessage: 'connection is closed' });
      transportFailed = true;
      deadline = undefined; // read lazily: most datagrams are queued already (no clock read)
      const datagram = socket.receiveView(op, deadlineOf);
      transportFailed = false;
      return datagram;
    };
    try {
      socket.send(op, bytes);
      transportFailed = false;
      const transaction = { op, seq: request.seq, familyId: request.type };
      yield* visitRepliesSteps(transaction, nextDatagram, visit, () => socket.hasBatchedDatagram());
      reusable = true;
    } catch (error) {
      const poisoned = error instanceof NetlinkError && POISONING_REFUSALS.has(error.errno);
      reusable = !transportFailed && !poisoned && error instanceof NetlinkError;
      if (error instanceof NetlinkCodecError) {
        throw new NetlinkError(op, errno.EPROTO, { extackMessage: error.message, cause: error });
      }
      throw error;
    } finally {
      this.running.delete(socket);
      if (reusable && !this.closed && this.idle === undefined) this.idle = socket;
      else closeQuietly(socket);
    }
  }

  /** Closes every socket; a suspended dump fails with EBADF when it is resumed. */
  close(): void {
    this.closed = true;
    if (this.idle) closeQuietly(this.idle);
    this.idle = undefined;
    for (const socket of this.running) closeQuietly(socket);
  }
}

export function closeQuietly(socket: NetlinkSocket | undefined): void {
  try {
    socket?.close();
  } catch {
    // The descriptor is released even when close() reports an error; nothing else to do.
  }
}
