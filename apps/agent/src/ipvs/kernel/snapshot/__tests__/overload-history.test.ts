// The kernel does not export IP_VS_DEST_F_OVERLOAD, so the decoder carries the flag from one reading to the
// next with the kernel's hysteresis (shared overload.ts). Real kernel replies recorded in the guest, with
// their threshold and connection gauges rewritten in place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGenlHeader, decodeMessages, type GenlReply } from '../../../../netlink/index.js';
import { AttributeIndex } from '../../codec/attribute-index.js';
import { CmdAttr, DestAttr } from '../../codec/constants.js';
import type { DecodedSnapshot } from '../decoded-snapshot.js';
import { EventLoopSlicer } from '../event-loop-slicer.js';
import { RawSnapshotWriter } from '../raw-snapshot.js';
import { decodeSnapshotReusing } from '../snapshot-decoder.js';

const FIXTURES = new URL('../../../../../../../test/kernel/fixtures/', import.meta.url);
const { familyId } = JSON.parse(readFileSync(new URL('index.json', FIXTURES), 'utf8')) as {
  familyId: number;
};

function replies(file: string): Buffer[] {
  return decodeMessages(readFileSync(new URL(file, FIXTURES)))
    .filter((message) => message.type === familyId)
    .map((message): GenlReply => decodeGenlHeader(message.payload))
    .map((reply) => Buffer.from(reply.attributes));
}

/** Writes a u32 attribute of the DEST nest in place (every one the kernel sends is there, reference §3.3). */
function setDestU32(message: Buffer, type: number, value: number): void {
  const top = new AttributeIndex(CmdAttr.TIMEOUT_UDP).scan(message);
  const at = top.offset(CmdAttr.DEST);
  const nest = new AttributeIndex(DestAttr.TUN_FLAGS).scan(message, at, at + top.length(CmdAttr.DEST));
  expect(nest.length(type)).toBe(4);
  message.writeUInt32LE(value, nest.offset(type));
}

const service = replies('service-dump.bin').find((s) => !s.includes(Buffer.from('ff02', 'hex')))!;
const recordedDest = replies('dest-dump-stats64.bin')[0]!;

/** One service whose one real server has upper threshold 8 and `inactive` connections. */
async function reading(inactive: number, previous: DecodedSnapshot | undefined, upper = 8) {
  const dest = Buffer.from(recordedDest);
  setDestU32(dest, DestAttr.U_THRESH, upper);
  setDestU32(dest, DestAttr.L_THRESH, 0);
  setDestU32(dest, DestAttr.ACTIVE_CONNS, 0);
  setDestU32(dest, DestAttr.INACT_CONNS, inactive);
  const writer = new RawSnapshotWriter();
  writer.addService(Buffer.from(service));
  writer.addDestination(dest);
  return decodeSnapshotReusing(writer.finish(), previous, new EventLoopSlicer(8));
}

describe('snapshot-decoder overload', () => {
  it('keeps a server overloaded between 3/4 of the upper threshold and the threshold, as the kernel does', async () => {
    const flags: boolean[] = [];
    let previous: DecodedSnapshot | undefined;
    // upper 8: set at 8; 7 and 6 are not below 6 (3/4 of 8); 5 clears; 7 again stays clear.
    for (const inactive of [7, 8, 7, 6, 5, 7]) {
      previous = await reading(inactive, previous);
      flags.push(previous.sorted[0]!.destinations[0]!.overloaded);
    }
    expect(flags).toEqual([false, true, true, true, false, false]);
  });

  it('clears when the upper threshold is raised, as an edit does in the kernel', async () => {
    const overloaded = await reading(8, undefined);
    expect(overloaded.sorted[0]!.destinations[0]!.overloaded).toBe(true);
    const raised = await reading(8, overloaded, 20);
    expect(raised.sorted[0]!.destinations[0]!.overloaded).toBe(false);
  });
});
