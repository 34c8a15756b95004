import { describe, expect, it } from 'vitest';
import { AttributeWriter, NLMSG_DONE, NLM_F_MULTI, encodeGenl, encodeMessage, errno } from '../index.js';
import { NetlinkCodecError } from '../codec/index.js';
import { NetlinkError } from '../netlink-error.js';
import { collectReplies, visitReplies, visitRepliesSteps } from '../reply-collector.js';

const FAMILY = 0x24;
const transaction = { op: 'dump test cmd 1', seq: 9, familyId: FAMILY };

function reply(seq: number, value: number): Buffer {
  const attributes = new AttributeWriter().u32(1, value).toBuffer();
  return encodeGenl({ type: FAMILY, flags: NLM_F_MULTI, seq, cmd: 1, version: 1, attributes });
}

function done(seq: number, error = 0): Buffer {
  const payload = Buffer.alloc(4);
  payload.writeInt32LE(error, 0);
  return encodeMessage({ type: NLMSG_DONE, flags: NLM_F_MULTI, seq, payload });
}

/** Hands out the datagrams through ONE reused buffer, as NetlinkSocket.receiveView does. */
function reusedBuffer(datagrams: Buffer[]): () => Buffer {
  const shared = Buffer.alloc(4096);
  let next = 0;
  return () => {
    const datagram = datagrams[next++];
    if (!datagram) throw new Error('read past the end of the transaction');
    shared.fill(0xee);
    datagram.copy(shared);
    return shared.subarray(0, datagram.length);
  };
}

function visitedValues(datagrams: Buffer[]): number[] {
  const values: number[] = [];
  visitReplies(transaction, reusedBuffer(datagrams), (buf, start, end) => {
    expect(end - start).toBe(8);
    values.push(buf.readUInt32LE(start + 4));
  });
  return values;
}

describe('visitReplies', () => {
  it('hands over every reply of a multi-datagram dump while its datagram is still in the buffer', () => {
    const datagrams = [Buffer.concat([reply(9, 1), reply(9, 2)]), reply(9, 3), done(9)];
    expect(visitedValues(datagrams)).toEqual([1, 2, 3]);
    const collected = collectReplies(transaction, reusedBuffer(datagrams));
    // The copying collector over a reused buffer would see only the last datagram's bytes: why visit exists.
    expect(collected.map((r) => r.attributes.readUInt32LE(4))).not.toEqual([1, 2, 3]);
  });

  it('skips leftovers of an abandoned request (another sequence number)', () => {
    expect(visitedValues([Buffer.concat([reply(8, 100), done(8)]), reply(9, 5), done(9)])).toEqual([5]);
  });

  it('throws the kernel refusal carried by NLMSG_DONE', () => {
    expect(() => visitedValues([done(9, -errno.EPERM)])).toThrow(NetlinkError);
    try {
      visitedValues([done(9, -errno.EPERM)]);
    } catch (error) {
      expect((error as NetlinkError).errno).toBe(errno.EPERM);
    }
  });

  it('refuses a message whose length runs past its datagram', () => {
    const cut = reply(9, 1);
    cut.writeUInt32LE(cut.length + 8, 0);
    expect(() => visitedValues([cut])).toThrow(NetlinkCodecError);
  });
});

describe('visitRepliesSteps', () => {
  it('yields after each datagram that did not end the dump, with its replies already handed over', () => {
    const datagrams = [
      Buffer.concat([reply(9, 1), reply(9, 2)]),
      reply(9, 3),
      Buffer.concat([reply(9, 4), done(9)]),
    ];
    const values: number[] = [];
    const steps = visitRepliesSteps(transaction, reusedBuffer(datagrams), (buf, start) => {
      values.push(buf.readUInt32LE(start + 4));
    });
    expect(steps.next().done).toBe(false);
    expect(values).toEqual([1, 2]);
    expect(steps.next().done).toBe(false);
    expect(values).toEqual([1, 2, 3]);
    expect(steps.next().done).toBe(true); // the last datagram carries DONE: no step after it
    expect(values).toEqual([1, 2, 3, 4]);
  });

  it('makes no step before a datagram that is already at hand', () => {
    const datagrams = [reply(9, 1), reply(9, 2), reply(9, 3), done(9)];
    let read = 0;
    const next = reusedBuffer(datagrams);
    const counted = () => (read++, next());
    // Datagrams come two at a time (a recvmmsg batch): the second of each pair is at hand.
    const steps = visitRepliesSteps(
      transaction,
      counted,
      () => {},
      () => read % 2 === 1,
    );
    expect(steps.next().done).toBe(false);
    expect(read).toBe(2);
    expect(steps.next().done).toBe(true);
    expect(read).toBe(4);
  });

  it('throws a refusal from the step that reads it', () => {
    const steps = visitRepliesSteps(
      transaction,
      reusedBuffer([reply(9, 1), done(9, -errno.EPERM)]),
      () => {},
    );
    expect(steps.next().done).toBe(false);
    expect(() => steps.next()).toThrow(NetlinkError);
  });
});
