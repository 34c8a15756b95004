import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AttributeWriter,
  CTRL_ATTR_FAMILY_NAME,
  CTRL_CMD_GETFAMILY,
  GENL_ID_CTRL,
  NLM_F_ACK,
  NLM_F_DUMP,
  NLM_F_REQUEST,
  NetlinkCodecError,
  decodeGenlHeader,
  decodeMessages,
  encodeGenl,
  encodeMessage,
} from '../index.js';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');

// IPVS numbers used by the reference's worked examples (include/uapi/linux/ip_vs.h); family id 0x24.
const IPVS_FAMILY = 0x24;
const IPVS_CMD_NEW_SERVICE = 1;
const IPVS_CMD_GET_SERVICE = 4;
const IPVS_CMD_GET_INFO = 15;
const IPVS_CMD_ATTR_SERVICE = 1;

describe('message codec', () => {
  it('encodes CTRL_CMD_GETFAMILY "IPVS" exactly as reference §1.10 shows', () => {
    const request = encodeGenl({
      type: GENL_ID_CTRL,
      flags: NLM_F_REQUEST | NLM_F_ACK,
      seq: 6,
      cmd: CTRL_CMD_GETFAMILY,
      version: 1,
      attributes: new AttributeWriter().string(CTRL_ATTR_FAMILY_NAME, 'IPVS').toBuffer(),
    });
    expect(request).toEqual(hex('20000000 10000500 06000000 00000000 03010000 09000200 49505653 00000000'));
  });

  it('encodes NEW_SERVICE TCP 10.0.0.1:80 rr exactly as reference §10 shows', () => {
    const attributes = new AttributeWriter()
      .nest(IPVS_CMD_ATTR_SERVICE, (svc) =>
        svc
          .u16(1, 2) // AF_INET
          .u16(2, 6) // IPPROTO_TCP
          .bytes(3, Buffer.concat([Buffer.of(10, 0, 0, 1), Buffer.alloc(12)]))
          .u16be(4, 80)
          .string(6, 'rr')
          .bytes(7, hex('00000000 ffffffff'))
          .u32(8, 0)
          .u32be(9, 0xffffffff),
      )
      .toBuffer();
    const request = encodeGenl({
      type: IPVS_FAMILY,
      flags: NLM_F_REQUEST | NLM_F_ACK,
      seq: 1,
      cmd: IPVS_CMD_NEW_SERVICE,
      version: 1,
      attributes,
    });
    expect(request).toEqual(
      hex(`68000000 24000500 01000000 00000000 01010000 54000100 06000100 02000000
           06000200 06000000 14000300 0a000001 00000000 00000000 00000000 06000400
           00500000 07000600 72720000 0c000700 00000000 ffffffff 08000800 00000000
           08000900 ffffffff`),
    );
  });

  it('encodes the GET_SERVICE dump and GET_INFO requests of reference §10', () => {
    const base = { type: IPVS_FAMILY, seq: 3, version: 1, attributes: Buffer.alloc(0) };
    expect(encodeGenl({ ...base, flags: NLM_F_REQUEST | NLM_F_DUMP, cmd: IPVS_CMD_GET_SERVICE })).toEqual(
      hex('14000000 24000103 03000000 00000000 04010000'),
    );
    expect(encodeGenl({ ...base, seq: 5, flags: NLM_F_REQUEST | NLM_F_ACK, cmd: IPVS_CMD_GET_INFO })).toEqual(
      hex('14000000 24000500 05000000 00000000 0f010000'),
    );
  });

  it('encodes the IPv6 fwmark 100 service nest of reference §10', () => {
    const nest = new AttributeWriter()
      .nest(IPVS_CMD_ATTR_SERVICE, (svc) => svc.u16(1, 10).u32(5, 100))
      .toBuffer();
    expect(nest).toEqual(hex('14000100 06000100 0a000000 08000500 64000000'));
  });

  it('decodes a generic netlink header and its attributes', () => {
    const [message] = decodeMessages(
      hex('20000000 10000500 06000000 00000000 03010000 09000200 49505653 00000000'),
    );
    expect(message).toMatchObject({ type: GENL_ID_CTRL, flags: 5, seq: 6, pid: 0 });
    const genl = decodeGenlHeader(message!.payload);
    expect(genl.cmd).toBe(CTRL_CMD_GETFAMILY);
    expect(genl.version).toBe(1);
    expect(genl.attributes).toEqual(hex('09000200 49505653 00000000'));
  });

  it('decodes several messages packed in one datagram, in order', () => {
    const message = fc.record({
      type: fc.integer({ min: 0, max: 0xffff }),
      flags: fc.integer({ min: 0, max: 0xffff }),
      seq: fc.integer({ min: 0, max: 0xffffffff }),
      pid: fc.integer({ min: 0, max: 0xffffffff }),
      payload: fc.uint8Array({ maxLength: 50 }).map((bytes) => Buffer.from(bytes)),
    });
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), (messages) => {
        const datagram = Buffer.concat(messages.map((m) => encodeMessage(m)));
        expect(decodeMessages(datagram)).toEqual(messages);
      }),
    );
  });

  it('rejects a message length below the header size or beyond the datagram', () => {
    expect(() => decodeMessages(hex('0f000000 02000000 00000000 00000000'))).toThrow(NetlinkCodecError);
    expect(() => decodeMessages(hex('40000000 02000000 00000000 00000000'))).toThrow(NetlinkCodecError);
    expect(decodeMessages(hex('10000000 03000200 01000000 00000000 0000'))).toHaveLength(1);
  });

  it('rejects a genl payload without a genlmsghdr and header fields out of range', () => {
    expect(() => decodeGenlHeader(Buffer.alloc(3))).toThrow(NetlinkCodecError);
    const fields = { type: 0x10, flags: 1, seq: 1, payload: Buffer.alloc(0) };
    expect(() => encodeMessage({ ...fields, type: 0x10000 })).toThrow(NetlinkCodecError);
    expect(() => encodeMessage({ ...fields, seq: -1 })).toThrow(NetlinkCodecError);
    expect(() => encodeGenl({ ...fields, cmd: 256, version: 1, attributes: Buffer.alloc(0) })).toThrow(
      NetlinkCodecError,
    );
  });
});
