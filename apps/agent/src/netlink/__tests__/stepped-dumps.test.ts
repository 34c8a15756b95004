import { describe, expect, it } from 'vitest';
import {
  AttributeWriter,
  CTRL_ATTR_FAMILY_NAME,
  CTRL_CMD_GETFAMILY,
  CTRL_CMD_GETPOLICY,
  GENL_ID_CTRL,
} from '../codec/index.js';
import {
  NLM_F_DUMP,
  NLM_F_REQUEST,
  decodeError,
  decodeMessages,
  encodeGenl,
  NLMSG_ERROR,
} from '../codec/index.js';
import { GenlConnection } from '../connection.js';
import { errno } from '../netlink-error.js';
import { NetlinkSocket } from '../netlink-socket.js';
import { caught } from './caught.js';

// On the real kernel of the machine running the tests, through the controller ("nlctrl"): the ethtool
// policy dump is ~11 KiB of replies. With a 4 KiB receive buffer the kernel sends it in datagrams of at
// most 4 KiB, read two per recvmmsg, so a stepped dump of it is suspended at least once with the kernel
// still holding the unfinished dump on the stepped socket.
const SMALL_DATAGRAMS = { recvBufferBytes: 4096 };
const policyQuery = new AttributeWriter().string(CTRL_ATTR_FAMILY_NAME, 'ethtool').toBuffer();
const nlctrlQuery = new AttributeWriter().string(CTRL_ATTR_FAMILY_NAME, 'nlctrl').toBuffer();

/** The replies' attribute bytes, copied (the visitor's views are valid only during the call). */
function steppedPolicyDump(connection: GenlConnection, recorded: Buffer[]): Generator<void, void, void> {
  return connection.dumpEachSteps('nlctrl', CTRL_CMD_GETPOLICY, policyQuery, (buf, start, end) => {
    recorded.push(Buffer.from(buf.subarray(start, end)));
  });
}

function policyDump(connection: GenlConnection): Buffer[] {
  return connection.dump('nlctrl', CTRL_CMD_GETPOLICY, policyQuery).map((reply) => reply.attributes);
}

describe('GenlConnection.dumpEachSteps', () => {
  it('needs its own socket: on a socket with an unfinished dump, another dump is refused (EBUSY)', () => {
    const socket = NetlinkSocket.open(4096);
    try {
      const dump = (seq: number) =>
        encodeGenl({
          type: GENL_ID_CTRL,
          flags: NLM_F_REQUEST | NLM_F_DUMP,
          seq,
          cmd: CTRL_CMD_GETPOLICY,
          version: 1,
          attributes: policyQuery,
        });
      socket.send('first', dump(1));
      socket.receive('first', Date.now() + 1000); // one datagram of several: the dump is unfinished
      socket.send('second', dump(2));
      let refusal: number | undefined;
      for (let i = 0; i < 10 && refusal === undefined; i++) {
        for (const message of decodeMessages(socket.receive('second', Date.now() + 1000))) {
          if (message.seq === 2 && message.type === NLMSG_ERROR)
            refusal = decodeError(message.payload, message.flags, message.type).errno;
        }
      }
      expect(refusal).toBe(errno.EBUSY);
    } finally {
      socket.close();
    }
  });

  it('yields between datagrams while other calls, dumps included, use the connection', () => {
    const connection = GenlConnection.open(SMALL_DATAGRAMS);
    try {
      const expected = policyDump(connection);
      const recorded: Buffer[] = [];
      const steps = steppedPolicyDump(connection, recorded);
      expect(steps.next().done).toBe(false); // suspended after the first datagram
      const seenFirst = recorded.length;
      expect(seenFirst).toBeGreaterThan(0);
      expect(seenFirst).toBeLessThan(expected.length);
      // On the suspended dump's socket a dump would be refused (EBUSY) and a request would read the
      // dump's datagrams: these run on the connection's own socket and answer correctly.
      expect(connection.request('nlctrl', CTRL_CMD_GETFAMILY, nlctrlQuery)).toHaveLength(1);
      expect(policyDump(connection)).toEqual(expected);
      // A second stepped dump meanwhile gets a socket of its own.
      const second: Buffer[] = [];
      for (const _ of steppedPolicyDump(connection, second));
      expect(second).toEqual(expected);
      while (!steps.next().done);
      expect(recorded).toEqual(expected);
      expect(connection.resolveFamily('nlctrl').id).toBe(GENL_ID_CTRL);
    } finally {
      connection.close();
    }
  });

  it('abandoned mid-dump, closes that socket and the next stepped dump is whole', () => {
    const connection = GenlConnection.open(SMALL_DATAGRAMS);
    try {
      const expected = policyDump(connection);
      const abandoned = steppedPolicyDump(connection, []);
      expect(abandoned.next().done).toBe(false);
      abandoned.return(); // its socket still holds the dump: it must not be reused
      const recorded: Buffer[] = [];
      for (const _ of steppedPolicyDump(connection, recorded));
      expect(recorded).toEqual(expected);
    } finally {
      connection.close();
    }
  });

  it('after a transport failure mid-dump the connection and its stepped dumps still work', () => {
    // A 2 KiB buffer truncates the policy dump's first datagram: EMSGSIZE, the socket is in doubt.
    const connection = GenlConnection.open({ recvBufferBytes: 2048 });
    try {
      const truncated = caught(() => {
        for (const _ of steppedPolicyDump(connection, []));
      });
      expect(truncated).toMatchObject({ errno: errno.EMSGSIZE });
      // nlctrl's own policy: 7 small replies (~300 bytes), which fit.
      const expected = connection.dump('nlctrl', CTRL_CMD_GETPOLICY, nlctrlQuery);
      const recorded: Buffer[] = [];
      const steps = connection.dumpEachSteps('nlctrl', CTRL_CMD_GETPOLICY, nlctrlQuery, (buf, start, end) => {
        recorded.push(Buffer.from(buf.subarray(start, end)));
      });
      for (const _ of steps);
      expect(recorded).toEqual(expected.map((reply) => reply.attributes));
      expect(connection.request('nlctrl', CTRL_CMD_GETFAMILY, nlctrlQuery)).toHaveLength(1);
    } finally {
      connection.close();
    }
  });

  it('a dump suspended when the connection closes fails with EBADF when resumed', () => {
    const connection = GenlConnection.open(SMALL_DATAGRAMS);
    const steps = steppedPolicyDump(connection, []);
    expect(steps.next().done).toBe(false);
    connection.close();
    expect(caught(() => steps.next())).toMatchObject({ errno: errno.EBADF });
    expect(caught(() => steppedPolicyDump(connection, []).next())).toMatchObject({ errno: errno.EBADF });
  });
});
