import { describe, expect, it } from 'vitest';
import {
  AttributeWriter,
  CTRL_ATTR_FAMILY_ID,
  CTRL_ATTR_FAMILY_NAME,
  CTRL_CMD_GETFAMILY,
  CTRL_CMD_GETPOLICY,
  CTRL_CMD_NEWFAMILY,
  GENL_CMD_CAP_DO,
  GENL_CMD_CAP_DUMP,
  GENL_ID_CTRL,
  attributeMap,
  readString,
  readU16,
} from '../codec/index.js';
import { GenlConnection } from '../connection.js';
import { FamilyNotFoundError, NetlinkError, errno } from '../netlink-error.js';
import { NetlinkSocket } from '../netlink-socket.js';
import { caught } from './caught.js';

// These talk to the real kernel of the machine running the tests through its generic-netlink controller
// ("nlctrl", always present, no privileges needed). The IPVS family itself is tested in the UML guest.
function familyNames(replies: { attributes: Buffer }[]): string[] {
  return replies.map((reply) => readString(attributeMap(reply.attributes).get(CTRL_ATTR_FAMILY_NAME)!));
}

describe('GenlConnection', () => {
  it('resolves the controller family on the real kernel', () => {
    const connection = GenlConnection.open();
    try {
      const nlctrl = connection.resolveFamily('nlctrl');
      expect(nlctrl.id).toBe(GENL_ID_CTRL);
      expect(nlctrl.name).toBe('nlctrl');
      const getFamily = nlctrl.ops.find((op) => op.id === CTRL_CMD_GETFAMILY);
      expect(getFamily!.flags & (GENL_CMD_CAP_DO | GENL_CMD_CAP_DUMP)).toBe(
        GENL_CMD_CAP_DO | GENL_CMD_CAP_DUMP,
      );
    } finally {
      connection.close();
    }
  });

  it('reports a family no kernel has as FamilyNotFoundError', () => {
    const connection = GenlConnection.open();
    try {
      // Made up, so the test holds on hosts with ip_vs loaded too (15 characters at most: GENL_NAMSIZ).
      const error = caught(() => connection.resolveFamily('NO_SUCH_FAMILY'));
      expect(error).toBeInstanceOf(FamilyNotFoundError);
      expect(error).toMatchObject({ errno: errno.ENOENT, family: 'NO_SUCH_FAMILY' });
      // The connection stays usable after the refusal.
      expect(connection.resolveFamily('nlctrl').id).toBe(GENL_ID_CTRL);
    } finally {
      connection.close();
    }
  });

  it('does a request and a multi-family dump, and the request reply matches the dumped entry', () => {
    const connection = GenlConnection.open();
    try {
      const query = new AttributeWriter().string(CTRL_ATTR_FAMILY_NAME, 'nlctrl').toBuffer();
      const [reply, ...rest] = connection.request('nlctrl', CTRL_CMD_GETFAMILY, query);
      expect(rest).toHaveLength(0);
      expect(reply!.cmd).toBe(CTRL_CMD_NEWFAMILY);
      expect(readU16(attributeMap(reply!.attributes).get(CTRL_ATTR_FAMILY_ID)!)).toBe(GENL_ID_CTRL);

      const all = connection.dump('nlctrl', CTRL_CMD_GETFAMILY, Buffer.alloc(0));
      const names = familyNames(all);
      expect(names).toContain('nlctrl');
      expect(new Set(names).size).toBe(names.length);
      // A second dump right after proves the first was read to NLMSG_DONE (else: EBUSY).
      expect(familyNames(connection.dump('nlctrl', CTRL_CMD_GETFAMILY, Buffer.alloc(0)))).toEqual(names);
    } finally {
      connection.close();
    }
  });

  it('throws NetlinkError with the kernel errno for a refused request and keeps working', () => {
    const connection = GenlConnection.open();
    try {
      const unknownCommand = caught(() => connection.request('nlctrl', 0xfe, Buffer.alloc(0)));
      expect(unknownCommand).toBeInstanceOf(NetlinkError);
      expect(unknownCommand).toMatchObject({ errno: errno.EOPNOTSUPP, op: 'do nlctrl cmd 254' });
      // ENOENT from the handler (not from a stale family id) is rethrown after one re-resolution.
      const query = new AttributeWriter().string(CTRL_ATTR_FAMILY_NAME, 'no-such-family').toBuffer();
      const absent = caught(() => connection.request('nlctrl', CTRL_CMD_GETFAMILY, query));
      expect(absent).toMatchObject({ errno: errno.ENOENT });
      expect(absent).not.toBeInstanceOf(FamilyNotFoundError);
      expect(connection.resolveFamily('nlctrl').id).toBe(GENL_ID_CTRL);
    } finally {
      connection.close();
    }
  });

  it('detects a datagram larger than the receive buffer and replaces the socket', () => {
    // The ethtool policy dump comes in two datagrams of ~3.7 KiB and ~12 KiB; a 2 KiB buffer truncates
    // the first, and reading it makes the kernel queue the second. Were the socket kept, the next call
    // would read that leftover, truncated again. A fresh socket answers the small request cleanly.
    const connection = GenlConnection.open({ recvBufferBytes: 2048 });
    try {
      connection.resolveFamily('nlctrl');
      const policyQuery = new AttributeWriter().string(CTRL_ATTR_FAMILY_NAME, 'ethtool').toBuffer();
      const truncated = caught(() => connection.dump('nlctrl', CTRL_CMD_GETPOLICY, policyQuery));
      expect(truncated).toMatchObject({ errno: errno.EMSGSIZE });
      const query = new AttributeWriter().string(CTRL_ATTR_FAMILY_NAME, 'nlctrl').toBuffer();
      expect(connection.request('nlctrl', CTRL_CMD_GETFAMILY, query)).toHaveLength(1);
    } finally {
      connection.close();
    }
  });

  it('refuses bad family names and calls after close without sending anything', () => {
    const connection = GenlConnection.open();
    expect(caught(() => connection.resolveFamily('a-name-longer-than-15'))).toMatchObject({
      errno: errno.EINVAL,
    });
    connection.close();
    expect(caught(() => connection.resolveFamily('nlctrl'))).toMatchObject({ errno: errno.EBADF });
  });
});

describe('NetlinkSocket', () => {
  it('times out with ETIMEDOUT when the kernel sends nothing', () => {
    const socket = NetlinkSocket.open(4096);
    try {
      expect(socket.portId).toBeGreaterThan(0);
      const started = Date.now();
      expect(caught(() => socket.receive('wait', Date.now() + 50))).toMatchObject({ errno: errno.ETIMEDOUT });
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    } finally {
      socket.close();
    }
  });
});
