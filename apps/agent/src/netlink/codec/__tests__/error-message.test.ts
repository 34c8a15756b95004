import { describe, expect, it } from 'vitest';
import {
  AttributeWriter,
  GENL_ID_CTRL,
  NLMSGERR_ATTR_MISS_TYPE,
  NLMSGERR_ATTR_MSG,
  NLMSGERR_ATTR_OFFS,
  NLMSG_DONE,
  NLMSG_ERROR,
  NLM_F_ACK_TLVS,
  NLM_F_CAPPED,
  NetlinkCodecError,
  decodeError,
  decodeMessages,
} from '../index.js';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');

function s32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeInt32LE(value, 0);
  return out;
}

// The request header the kernel echoes: len 0x20, type 0x24, flags REQUEST|ACK, seq 9, pid 0.
const requestHeader = hex('20000000 24000500 09000000 00000000');

describe('error-message', () => {
  it('decodes the -ENOENT a real 6.18 kernel sent for CTRL_CMD_GETFAMILY "IPVS" (request echoed)', () => {
    // Captured on this machine: NLMSG_ERROR, flags 0 (not capped), error -2, then the 32-byte request.
    const datagram = hex(`34000000 02000000 06000000 de200000 feffffff 20000000 10000500 06000000
                          00000000 03010000 09000200 49505653 00000000`);
    const [message] = decodeMessages(datagram);
    expect(message!.type).toBe(NLMSG_ERROR);
    expect(decodeError(message!.payload, message!.flags)).toEqual({ errno: 2, requestType: GENL_ID_CTRL });
  });

  it('decodes a success ACK, which the kernel always caps', () => {
    const payload = Buffer.concat([s32(0), requestHeader]);
    expect(decodeError(payload, NLM_F_CAPPED)).toEqual({ errno: 0, requestType: 0x24 });
  });

  it('finds extended-ACK TLVs after a capped error', () => {
    const tlvs = new AttributeWriter()
      .string(NLMSGERR_ATTR_MSG, 'Unknown attribute type')
      .u32(NLMSGERR_ATTR_OFFS, 20)
      .u32(NLMSGERR_ATTR_MISS_TYPE, 3)
      .toBuffer();
    const payload = Buffer.concat([s32(-22), requestHeader, tlvs]);
    expect(decodeError(payload, NLM_F_CAPPED | NLM_F_ACK_TLVS)).toEqual({
      errno: 22,
      requestType: 0x24,
      extack: { message: 'Unknown attribute type', offset: 20, missingType: 3 },
    });
  });

  it('skips the echoed request (padded to 4) before the TLVs when not capped', () => {
    const echoedHeader = hex('19000000 24000500 09000000 00000000'); // 25 bytes: 9 bytes of payload
    const echoedPayload = hex('01010000 05000300 07000000'); // 9 bytes + 3 pad
    const tlvs = new AttributeWriter().string(NLMSGERR_ATTR_MSG, 'bad').toBuffer();
    const payload = Buffer.concat([s32(-95), echoedHeader, echoedPayload, tlvs]);
    expect(decodeError(payload, NLM_F_ACK_TLVS)).toEqual({
      errno: 95,
      requestType: 0x24,
      extack: { message: 'bad' },
    });
  });

  it('decodes the NLMSG_DONE error of a dump, with or without TLVs', () => {
    expect(decodeError(s32(0), 0x2, NLMSG_DONE)).toEqual({ errno: 0, requestType: 0 });
    const tlvs = new AttributeWriter().string(NLMSGERR_ATTR_MSG, 'dump failed').toBuffer();
    expect(decodeError(Buffer.concat([s32(-16), tlvs]), 0x2 | NLM_F_ACK_TLVS, NLMSG_DONE)).toEqual({
      errno: 16,
      requestType: 0,
      extack: { message: 'dump failed' },
    });
  });

  it('rejects payloads too short for struct nlmsgerr or echoing more than they hold', () => {
    expect(() => decodeError(s32(-1), 0)).toThrow(NetlinkCodecError);
    expect(() => decodeError(Buffer.concat([s32(-1), requestHeader]), 0)).toThrow(NetlinkCodecError);
    expect(() => decodeError(Buffer.alloc(2), 0, NLMSG_DONE)).toThrow(NetlinkCodecError);
    expect(() => decodeError(Buffer.alloc(4), 0, 0x24)).toThrow(NetlinkCodecError);
  });
});
