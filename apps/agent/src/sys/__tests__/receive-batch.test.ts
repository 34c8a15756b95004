import { describe, expect, it } from 'vitest';
import {
  AF_NETLINK,
  MSG_DONTWAIT,
  MSG_TRUNC,
  NETLINK_GENERIC,
  ReceiveBatch,
  SOCK_CLOEXEC,
  SOCK_RAW,
  SysError,
  bind,
  close,
  errno,
  sendto,
  socket,
} from '../index.js';

// Talks to the real kernel of the machine running the tests: a generic netlink socket needs no privileges,
// and the controller (nlctrl, id 0x10) answers a family dump on any Linux.
const GENL_ID_CTRL = 0x10;
const NLMSG_DONE = 3;

function sockaddrNl(): Buffer {
  const address = Buffer.alloc(12);
  address.writeUInt16LE(AF_NETLINK, 0);
  return address;
}

/** CTRL_CMD_GETFAMILY (3) as a dump: every family the kernel knows, then NLMSG_DONE. */
function familyDump(seq: number): Buffer {
  const request = Buffer.alloc(20);
  request.writeUInt32LE(20, 0);
  request.writeUInt16LE(GENL_ID_CTRL, 4);
  request.writeUInt16LE(0x301, 6); // NLM_F_REQUEST | NLM_F_DUMP
  request.writeUInt32LE(seq, 8);
  request[16] = 3;
  request[17] = 1;
  return request;
}

function withSocket(run: (fd: number) => void): void {
  const fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
  try {
    bind(fd, sockaddrNl());
    run(fd);
  } finally {
    close(fd);
  }
}

describe('receive-batch', () => {
  it('takes a dump reply and the NLMSG_DONE queued behind it, each whole, ending the dump', () => {
    withSocket((fd) => {
      const batch = new ReceiveBatch(2, 65536);
      try {
        sendto(fd, familyDump(7), 0, sockaddrNl());
        const types: number[] = [];
        while (!types.includes(NLMSG_DONE)) {
          const count = batch.receive(fd, MSG_DONTWAIT | MSG_TRUNC);
          expect(count).toBeGreaterThanOrEqual(1);
          for (let slot = 0; slot < count; slot++) {
            const datagram = batch.datagram(slot, batch.length(slot));
            expect(datagram.readUInt32LE(0)).toBeLessThanOrEqual(datagram.length); // nlmsg_len fits
            expect(datagram.readUInt32LE(8)).toBe(7); // our sequence number
            types.push(datagram.readUInt16LE(4));
          }
          expect(types.length).toBeLessThan(64);
        }
        expect(types.at(-1)).toBe(NLMSG_DONE);
        expect(types.filter((type) => type === GENL_ID_CTRL).length).toBeGreaterThan(0);
      } finally {
        batch.free();
      }
    });
  });

  it('reports the real length of a datagram longer than its slot', () => {
    withSocket((fd) => {
      const batch = new ReceiveBatch(1, 64);
      try {
        sendto(fd, familyDump(8), 0, sockaddrNl());
        expect(batch.receive(fd, MSG_DONTWAIT | MSG_TRUNC)).toBe(1);
        expect(batch.length(0)).toBeGreaterThan(64);
        expect(batch.datagram(0, batch.length(0)).length).toBe(64);
      } finally {
        batch.free();
      }
    });
  });

  it('says EAGAIN when nothing is queued', () => {
    withSocket((fd) => {
      const batch = new ReceiveBatch(2, 4096);
      try {
        expect(() => batch.receive(fd, MSG_DONTWAIT)).toThrow(SysError);
        try {
          batch.receive(fd, MSG_DONTWAIT);
        } catch (error) {
          expect((error as SysError).errno).toBe(errno.EAGAIN);
        }
      } finally {
        batch.free();
      }
    });
  });
});
