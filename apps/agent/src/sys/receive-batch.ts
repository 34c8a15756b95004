// recvmmsg(2) into fixed native buffers: one system call takes every datagram already queued (up to
// `slots`). A netlink dump of one IPVS service is a reply datagram plus NLMSG_DONE, which the kernel queues
// while the first is being read (af_netlink.c netlink_recvmsg -> netlink_dump), so one call gets both:
// 2 system calls per GET_DEST instead of 3. In user-mode Linux each system call costs ~20-70 us. Without
// it (recvfrom per datagram): bench:netlink 2026-12-07 ratio 0.214/0.322 vs 0.24/0.195 (target 0.25).
import { errno } from './errno.js';
import { libc, type Libc } from './libc.js';
import { SysError } from './sys-error.js';

// struct iovec { void *base; size_t len; } and struct mmsghdr { struct msghdr hdr; unsigned msg_len; }
// on 64-bit little-endian Linux (x86-64, arm64; KernelBackend.open refuses any other host, platform.ts):
// include/linux/socket.h, include/uapi/linux/uio.h.
const IOVEC_SIZE = 16;
const MMSGHDR_SIZE = 64;
const MSG_IOV = 16;
const MSG_IOVLEN = 24;
const MSG_LEN = 56;

type NativeBlock = ReturnType<Libc['allocNative']>;

export class ReceiveBatch {
  private readonly headers: NativeBlock;
  private readonly data: NativeBlock;
  private freed = false;

  /** `slots` datagrams of at most `slotBytes` each. */
  constructor(
    readonly slots: number,
    readonly slotBytes: number,
  ) {
    const lib = libc();
    this.data = lib.allocNative(slots * slotBytes);
    this.headers = lib.allocNative(slots * (MMSGHDR_SIZE + IOVEC_SIZE));
    for (let i = 0; i < slots; i++) {
      const iovec = slots * MMSGHDR_SIZE + i * IOVEC_SIZE;
      this.writePointer(iovec, this.data.address + BigInt(i * slotBytes));
      this.writePointer(iovec + 8, BigInt(slotBytes));
      this.writePointer(i * MMSGHDR_SIZE + MSG_IOV, this.headers.address + BigInt(iovec));
      this.writePointer(i * MMSGHDR_SIZE + MSG_IOVLEN, 1n);
    }
  }

  /**
   * recvmmsg(2) into the slots; returns how many datagrams arrived (>= 1). Throws SysError (EAGAIN
   * with MSG_DONTWAIT when nothing is queued). EINTR is retried. Earlier datagrams' views become invalid.
   */
  receive(fd: number, flags: number): number {
    const lib = libc();
    for (;;) {
      const count = lib.recvmmsg(fd, this.headers.memory, this.slots, flags, null);
      if (count >= 0) return count;
      const code = lib.errno();
      if (code !== errno.EINTR) throw new SysError('recvmmsg', code);
    }
  }

  /** The datagram's real length (with MSG_TRUNC in the flags, more than slotBytes when it was cut). */
  length(slot: number): number {
    const at = slot * MMSGHDR_SIZE + MSG_LEN;
    return this.headers.view.readUInt32LE(at);
  }

  /** A view of the slot's first `length` bytes, valid until the next receive(). */
  datagram(slot: number, length: number): Buffer {
    const start = slot * this.slotBytes;
    return this.data.view.subarray(start, start + Math.min(length, this.slotBytes));
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    const lib = libc();
    lib.freeNative(this.headers.memory);
    lib.freeNative(this.data.memory);
  }

  private writePointer(offset: number, value: bigint): void {
    this.headers.view.writeBigUInt64LE(value, offset);
  }
}
