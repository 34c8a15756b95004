import { describe, expect, it } from 'vitest';
import {
  AttributeWriter,
  NLMSGERR_ATTR_MSG,
  NLMSGERR_ATTR_OFFS,
  NLMSG_DONE,
  NLMSG_ERROR,
  NLMSG_NOOP,
  NLM_F_ACK_TLVS,
  NLM_F_CAPPED,
  NLM_F_MULTI,
  encodeGenl,
  encodeMessage,
} from '../codec/index.js';
import { NetlinkError } from '../netlink-error.js';
import { collectReplies } from '../reply-collector.js';

const FAMILY = 0x24;

function reply(seq: number, cmd: number, value: number, flags = 0): Buffer {
  const attributes = new AttributeWriter().u32(1, value).toBuffer();
  return encodeGenl({ type: FAMILY, flags, seq, cmd, version: 1, attributes });
}

function errorMessage(seq: number, error: number, tlvs: Buffer = Buffer.alloc(0)): Buffer {
  const payload = Buffer.alloc(20);
  payload.writeInt32LE(error, 0);
  payload.writeUInt32LE(20, 4); // the echoed request header: len 20, type FAMILY
  payload.writeUInt16LE(FAMILY, 8);
  const flags = NLM_F_CAPPED | (tlvs.length > 0 ? NLM_F_ACK_TLVS : 0);
  return encodeMessage({ type: NLMSG_ERROR, flags, seq, payload: Buffer.concat([payload, tlvs]) });
}

function done(seq: number, error = 0): Buffer {
  const payload = Buffer.alloc(4);
  payload.writeInt32LE(error, 0);
  return encodeMessage({ type: NLMSG_DONE, flags: NLM_F_MULTI, seq, payload });
}

function source(datagrams: Buffer[]): () => Buffer {
  let next = 0;
  return () => {
    const datagram = datagrams[next++];
    if (!datagram) throw new Error('the collector read past the end of the transaction');
    return datagram;
  };
}

const transaction = { op: 'do test cmd 1', seq: 7, familyId: FAMILY };

describe('reply-collector', () => {
  it('returns the reply of a do-request once the ACK arrives in a later datagram', () => {
    const replies = collectReplies(transaction, source([reply(7, 1, 42), errorMessage(7, 0)]));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ cmd: 1, version: 1 });
    expect(replies[0]!.attributes.readUInt32LE(4)).toBe(42);
  });

  it('collects a dump spread over several datagrams until NLMSG_DONE', () => {
    const datagrams = [
      Buffer.concat([reply(7, 1, 1, NLM_F_MULTI), reply(7, 1, 2, NLM_F_MULTI)]),
      Buffer.concat([reply(7, 1, 3, NLM_F_MULTI), done(7)]),
    ];
    const replies = collectReplies({ ...transaction, op: 'dump' }, source(datagrams));
    expect(replies.map((r) => r.attributes.readUInt32LE(4))).toEqual([1, 2, 3]);
  });

  it('skips leftovers of an earlier request and NOOPs', () => {
    const datagrams = [
      Buffer.concat([reply(6, 1, 99), errorMessage(6, 0)]),
      encodeMessage({ type: NLMSG_NOOP, flags: 0, seq: 7, payload: Buffer.alloc(0) }),
      Buffer.concat([reply(7, 1, 5), errorMessage(7, 0)]),
    ];
    const replies = collectReplies(transaction, source(datagrams));
    expect(replies.map((r) => r.attributes.readUInt32LE(4))).toEqual([5]);
  });

  it('throws the kernel errno and extack text of a refused request', () => {
    const tlvs = new AttributeWriter()
      .string(NLMSGERR_ATTR_MSG, 'missing attribute')
      .u32(NLMSGERR_ATTR_OFFS, 20)
      .toBuffer();
    const run = (): unknown => collectReplies(transaction, source([errorMessage(7, -22, tlvs)]));
    expect(run).toThrow(NetlinkError);
    expect(run).toThrow('do test cmd 1 failed: EINVAL: missing attribute');
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({
        errno: 22,
        op: 'do test cmd 1',
        extackMessage: 'missing attribute',
        extackOffset: 20,
      });
    }
  });

  it('throws when a dump ends with a negative NLMSG_DONE error', () => {
    const run = (): unknown =>
      collectReplies(transaction, source([Buffer.concat([reply(7, 1, 1, NLM_F_MULTI), done(7, -16)])]));
    expect(run).toThrow(expect.objectContaining({ errno: 16 }) as Error);
  });
});
