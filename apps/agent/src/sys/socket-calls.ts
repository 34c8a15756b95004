// Thin checked wrappers over the libc socket calls: every -1 becomes a SysError carrying errno, and
// EINTR is retried (a signal landing in Node's main thread must not fail a netlink transaction).
import { errno } from './errno.js';
import { libc, type Libc } from './libc.js';
import { POLLIN } from './socket-constants.js';
import { SysError } from './sys-error.js';

function check(call: string, result: number, lib: Libc): number {
  if (result < 0) throw new SysError(call, lib.errno());
  return result;
}

function retryOnInterrupt(call: string, run: (lib: Libc) => number): number {
  const lib = libc();
  for (;;) {
    const result = run(lib);
    if (result >= 0) return result;
    const code = lib.errno();
    if (code !== errno.EINTR) throw new SysError(call, code);
  }
}

/** socket(2): returns the new file descriptor. */
export function socket(domain: number, type: number, protocol: number): number {
  const lib = libc();
  return check('socket', lib.socket(domain, type, protocol), lib);
}

/** bind(2) to the address bytes in `address` (e.g. a 12-byte sockaddr_nl). */
export function bind(fd: number, address: Buffer): void {
  const lib = libc();
  check('bind', lib.bind(fd, address, address.length), lib);
}

/** getsockname(2) into `address`; returns the length the kernel reported. */
export function getsockname(fd: number, address: Buffer): number {
  const lib = libc();
  const length: [number] = [address.length];
  check('getsockname', lib.getsockname(fd, address, length), lib);
  return length[0];
}

/** setsockopt(2) with an `int` option value, the only kind the netlink stack needs. */
export function setsockoptInt(fd: number, level: number, name: number, value: number): void {
  const lib = libc();
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(value, 0);
  check('setsockopt', lib.setsockopt(fd, level, name, bytes, bytes.length), lib);
}

/** sendto(2) the whole of `data` to `destination`; returns the bytes sent. */
export function sendto(fd: number, data: Buffer, flags: number, destination: Buffer): number {
  return retryOnInterrupt('sendto', (lib) =>
    lib.sendto(fd, data, data.length, flags, destination, destination.length),
  );
}

/**
 * recvfrom(2) into `buffer`, ignoring the source address. With MSG_TRUNC in `flags` the result is the
 * datagram's real length, which exceeds `buffer.length` when the tail was cut off.
 * Throws SysError with errno EAGAIN when MSG_DONTWAIT is set and nothing is queued.
 */
export function recvfrom(fd: number, buffer: Buffer, flags: number): number {
  return retryOnInterrupt('recvfrom', (lib) => lib.recvfrom(fd, buffer, buffer.length, flags, null, null));
}

/**
 * poll(2) one descriptor for `events` (default POLLIN). Returns the revents bits, 0 on timeout.
 * A negative timeout waits forever.
 */
export function pollOne(fd: number, timeoutMs: number, events: number = POLLIN): number {
  const pollfd = Buffer.alloc(8); // struct pollfd { int fd; short events; short revents; }
  pollfd.writeInt32LE(fd, 0);
  pollfd.writeInt16LE(events, 4);
  const ready = retryOnInterrupt('poll', (lib) => lib.poll(pollfd, 1, Math.trunc(timeoutMs)));
  return ready === 0 ? 0 : pollfd.readUInt16LE(6);
}

/** close(2). Not retried on EINTR: on Linux the descriptor is released anyway. */
export function close(fd: number): void {
  const lib = libc();
  check('close', lib.close(fd), lib);
}
