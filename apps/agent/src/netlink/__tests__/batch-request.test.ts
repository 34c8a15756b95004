import { describe, expect, it } from 'vitest';
import { AttributeWriter, NLM_F_ACK, NLM_F_REQUEST, encodeGenl } from '../codec/index.js';
import { DEFAULT_BATCH_LIMITS, encodeDatagram, splitBatches } from '../batch-request.js';

describe('batch-request', () => {
  it('splits 11,000 restore-sized messages into datagrams of at most 100 messages and 32 KiB', () => {
    const sizes = Array.from({ length: 11_000 }, (_, i) => (i % 11 === 0 ? 96 : 120));
    const runs = splitBatches(sizes, DEFAULT_BATCH_LIMITS);
    expect(runs).toHaveLength(110);
    expect(runs.flatMap(([start, end]) => Array.from({ length: end - start }, (_, i) => start + i))).toEqual(
      sizes.map((_, i) => i),
    );
    for (const [start, end] of runs) {
      expect(end - start).toBeLessThanOrEqual(100);
      expect(sizes.slice(start, end).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(32 * 1024);
    }
  });

  it('cuts by bytes when messages are large, and still sends one message larger than the limit alone', () => {
    expect(splitBatches([600, 600, 600, 2000, 10], { maxBytes: 1300, maxMessages: 100 })).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(splitBatches([], DEFAULT_BATCH_LIMITS)).toEqual([]);
  });

  it('writes a datagram byte for byte as the messages encoded one by one, NLM_F_ACK on the last only', () => {
    const requests = [3, 1, 7].map((cmd, i) => ({
      cmd,
      attributes: new AttributeWriter()
        .u32(1, 1000 + i)
        .string(2, 'x'.repeat(i))
        .toBuffer(),
    }));
    let seq = 40;
    const target = {
      op: 'test',
      info: { name: 'IPVS', id: 37, version: 1, hdrSize: 0, maxAttr: 8, ops: [] },
      nextSeq: () => ++seq,
    };
    const sizes = requests.map((r) => 20 + r.attributes.length);
    const seqs = new Map<number, number>();
    const datagram = encodeDatagram(target, requests, 0, 3, sizes, seqs);
    const expected = requests.map((r, i) =>
      encodeGenl({
        type: 37,
        flags: NLM_F_REQUEST | (i === 2 ? NLM_F_ACK : 0),
        seq: 41 + i,
        version: 1,
        ...r,
      }),
    );
    expect(datagram.equals(Buffer.concat(expected))).toBe(true);
    expect([...seqs]).toEqual([
      [41, 0],
      [42, 1],
      [43, 2],
    ]);
  });
});
