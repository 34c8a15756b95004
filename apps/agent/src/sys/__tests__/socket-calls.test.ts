import { describe, expect, it } from 'vitest';
import {
  AF_NETLINK,
  MSG_DONTWAIT,
  NETLINK_GENERIC,
  SOCK_CLOEXEC,
  SOCK_RAW,
  SO_RCVBUF,
  SOL_SOCKET,
  SysError,
  bind,
  close,
  errno,
  getsockname,
  pollOne,
  recvfrom,
  setsockoptInt,
  socket,
} from '../index.js';

// These talk to the real kernel of the machine running the tests: netlink sockets need no privileges.
function sockaddrNl(): Buffer {
  const address = Buffer.alloc(12);
  address.writeUInt16LE(AF_NETLINK, 0);
  return address;
}

describe('socket-calls', () => {
  it('opens and binds a generic netlink socket and reads back the port id the kernel assigned', () => {
    const fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
    try {
      bind(fd, sockaddrNl());
      const bound = Buffer.alloc(12);
      expect(getsockname(fd, bound)).toBe(12);
      expect(bound.readUInt16LE(0)).toBe(AF_NETLINK);
      expect(bound.readUInt32LE(4)).toBeGreaterThan(0);
      setsockoptInt(fd, SOL_SOCKET, SO_RCVBUF, 1 << 16);
    } finally {
      close(fd);
    }
  });

  it('reports an empty queue as EAGAIN and a poll timeout as no events', () => {
    const fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
    try {
      bind(fd, sockaddrNl());
      expect(pollOne(fd, 0)).toBe(0);
      const error = (() => {
        try {
          recvfrom(fd, Buffer.alloc(64), MSG_DONTWAIT);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(SysError);
      expect(error).toMatchObject({ call: 'recvfrom', errno: errno.EAGAIN });
    } finally {
      close(fd);
    }
  });

  it('throws SysError naming the call and errno for a bad descriptor', () => {
    expect(() => close(-1)).toThrow(SysError);
    expect(() => close(-1)).toThrow('close() failed: EBADF');
  });

  it('throws SysError for an unsupported protocol family', () => {
    expect(() => socket(AF_NETLINK, SOCK_RAW, 9999)).toThrow(SysError);
  });
});
