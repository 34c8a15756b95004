// One bound NETLINK_GENERIC socket: send a request to the kernel, receive whole datagrams with a deadline.
// Reads are non-blocking (MSG_DONTWAIT) with poll() for the wait, and MSG_TRUNC reveals a cut datagram.
import {
  AF_NETLINK,
  MSG_DONTWAIT,
  MSG_TRUNC,
  NETLINK_CAP_ACK,
  NETLINK_EXT_ACK,
  NETLINK_GENERIC,
  ReceiveBatch,
  SOCK_CLOEXEC,
  SOCK_RAW,
  SOL_NETLINK,
  SysError,
  bind,
  close,
  errno as sysErrno,
  getsockname,
  pollOne,
  recvfrom,
  sendto,
  setsockoptInt,
  socket,
} from '../sys/index.js';
import { NetlinkError, errno } from './netlink-error.js';

const SOCKADDR_NL_SIZE = 12; // struct sockaddr_nl { u16 family; u16 pad; u32 pid; u32 groups; }

/** sockaddr_nl with pid 0: the kernel when sending, "assign me a port id" when binding. */
function kernelAddress(): Buffer {
  const address = Buffer.alloc(SOCKADDR_NL_SIZE);
  address.writeUInt16LE(AF_NETLINK, 0);
  return address;
}

/** The send address never changes and the kernel only reads it: one copy, not one per request. */
const KERNEL_ADDRESS = kernelAddress();

function wrap(op: string, cause: unknown): unknown {
  return cause instanceof SysError ? new NetlinkError(op, cause.errno, { cause }) : cause;
}

export class NetlinkSocket {
  readonly fd: number;
  /** The port id the kernel assigned at bind; replies carry it in nlmsg_pid. */
  readonly portId: number;
  private readonly receiveBuffer: Buffer;
  /** recvmmsg slots (undefined: not made yet; null: recvmmsg unusable here, recvfrom is used). */
  private batch: ReceiveBatch | null | undefined;
  private batchCount = 0;
  private batchNext = 0;
  private closed = false;

  private constructor(fd: number, portId: number, receiveBytes: number) {
    this.fd = fd;
    this.portId = portId;
    this.receiveBuffer = Buffer.alloc(receiveBytes);
  }

  static open(receiveBytes: number): NetlinkSocket {
    let fd: number;
    try {
      fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
    } catch (cause) {
      throw wrap('open netlink socket', cause);
    }
    try {
      bind(fd, kernelAddress());
      const bound = Buffer.alloc(SOCKADDR_NL_SIZE);
      getsockname(fd, bound);
      enableOptional(fd, NETLINK_EXT_ACK);
      enableOptional(fd, NETLINK_CAP_ACK);
      return new NetlinkSocket(fd, bound.readUInt32LE(4), receiveBytes);
    } catch (cause) {
      close(fd);
      throw wrap('bind netlink socket', cause);
    }
  }

  send(op: string, request: Buffer): void {
    // Datagrams still in the batch belong to an earlier, finished transaction (collectors skip them by
    // sequence number anyway); dropping them keeps the batch from handing them to the new one.
    this.batchNext = this.batchCount;
    try {
      const sent = sendto(this.fd, request, 0, KERNEL_ADDRESS);
      if (sent !== request.length) throw new NetlinkError(op, errno.EMSGSIZE);
    } catch (cause) {
      throw wrap(op, cause);
    }
  }

  /** The next datagram if one is queued now, else null (never waits). */
  receiveQueued(op: string): Buffer | null {
    try {
      return this.receive(op, () => {
        throw new NothingQueued();
      });
    } catch (error) {
      if (error instanceof NothingQueued) return null;
      throw error;
    }
  }

  /**
   * The next datagram, waiting until `deadline()` (a Date.now() value, asked for only when a wait starts).
   * Throws NetlinkError ETIMEDOUT at the deadline, EMSGSIZE when the datagram was longer than the receive
   * buffer (its tail is lost), and the socket's errno otherwise (ENOBUFS: the kernel dropped a reply
   * because the queue was full).
   */
  receive(op: string, deadline: number | (() => number)): Buffer {
    return Buffer.from(this.receiveView(op, deadline));
  }

  /**
   * Like receive(), but the datagram is a view of the socket's receive buffer, valid only until the next
   * receive: for readers that consume each datagram at once (no copy, no allocation per datagram).
   */
  receiveView(op: string, deadline: number | (() => number)): Buffer {
    if (this.batchNext < this.batchCount) return this.fromBatch(op, this.batchNext++);
    for (;;) {
      let length: number;
      try {
        const batch = this.receiveBatch();
        if (batch) {
          this.batchCount = batch.receive(this.fd, MSG_DONTWAIT | MSG_TRUNC);
          this.batchNext = 1;
          return this.fromBatch(op, 0);
        }
        length = recvfrom(this.fd, this.receiveBuffer, MSG_DONTWAIT | MSG_TRUNC);
      } catch (cause) {
        if (cause instanceof SysError && cause.errno === sysErrno.ENOSYS && this.batch) {
          this.dropBatch(); // recvmmsg is missing (seccomp, old libc): read one datagram per call instead
          continue;
        }
        if (!(cause instanceof SysError) || cause.errno !== sysErrno.EAGAIN) throw wrap(op, cause);
        this.wait(op, deadline);
        continue;
      }
      if (length > this.receiveBuffer.length) {
        throw new NetlinkError(op, errno.EMSGSIZE, {
          extackMessage: `reply of ${length} bytes did not fit the ${this.receiveBuffer.length}-byte receive buffer`,
        });
      }
      return this.receiveBuffer.subarray(0, length);
    }
  }

  /** True when the next receive is answered from the last recvmmsg batch, without a system call. */
  hasBatchedDatagram(): boolean {
    return this.batchNext < this.batchCount;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.dropBatch();
    close(this.fd);
  }

  /** Two slots: a dump's reply datagram and the NLMSG_DONE queued while it is read (receive-batch.ts). */
  private receiveBatch(): ReceiveBatch | null {
    if (this.batch !== undefined) return this.batch;
    try {
      this.batch = new ReceiveBatch(2, this.receiveBuffer.length);
    } catch {
      this.batch = null; // no native memory from the FFI: plain recvfrom still works
    }
    return this.batch;
  }

  private fromBatch(op: string, slot: number): Buffer {
    const batch = this.batch;
    if (!batch) throw new NetlinkError(op, errno.EPROTO, { extackMessage: 'receive batch is gone' });
    const length = batch.length(slot);
    if (length > batch.slotBytes) {
      throw new NetlinkError(op, errno.EMSGSIZE, {
        extackMessage: `reply of ${length} bytes did not fit the ${batch.slotBytes}-byte receive buffer`,
      });
    }
    return batch.datagram(slot, length);
  }

  private dropBatch(): void {
    this.batch?.free();
    this.batch = null;
    this.batchCount = 0;
    this.batchNext = 0;
  }

  private wait(op: string, deadline: number | (() => number)): void {
    const remaining = (typeof deadline === 'number' ? deadline : deadline()) - Date.now();
    if (remaining <= 0) throw new NetlinkError(op, errno.ETIMEDOUT);
    try {
      pollOne(this.fd, remaining);
    } catch (cause) {
      throw wrap(op, cause);
    }
  }
}

/** Thrown by receiveQueued's deadline to stop before a wait starts. */
class NothingQueued extends Error {}

/** Extended ACK and capped ACKs are conveniences; kernels before 4.12 lack them (ENOPROTOOPT). */
function enableOptional(fd: number, option: number): void {
  try {
    setsockoptInt(fd, SOL_NETLINK, option, 1);
  } catch (cause) {
    if (!(cause instanceof SysError) || cause.errno !== sysErrno.ENOPROTOOPT) throw cause;
  }
}
