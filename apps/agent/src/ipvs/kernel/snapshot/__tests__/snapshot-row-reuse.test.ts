// The reuse rule of decodeSnapshotReusing over real kernel replies recorded in the user-mode Linux guest:
// a row whose bytes did not change is the previous object, a row with one changed byte is decoded anew.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { decodeGenlHeader, decodeMessages, type GenlReply } from '../../../../netlink/index.js';
import { AttributeIndex } from '../../codec/attribute-index.js';
import { CmdAttr, DestAttr, StatsAttr, SvcAttr } from '../../codec/constants.js';
import type { DecodedSnapshot } from '../decoded-snapshot.js';
import { EventLoopSlicer } from '../event-loop-slicer.js';
import { RawSnapshotWriter } from '../raw-snapshot.js';
import { decodeSnapshot, decodeSnapshotReusing } from '../snapshot-decoder.js';

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

interface Row {
  service: Buffer;
  dests: Buffer[];
}

/** Every recorded service, each with one recorded IPv4 real-server dump (deep copies: tests edit them). */
function recordedRows(): Row[] {
  const dests = replies('dest-dump-stats64.bin');
  return replies('service-dump.bin')
    .filter((service) => !service.includes(Buffer.from('ff02', 'hex')))
    .map((service) => ({ service, dests: dests.map((d) => Buffer.from(d)) }));
}

function rawOf(rows: Row[]) {
  const writer = new RawSnapshotWriter();
  for (const row of rows) {
    writer.addService(row.service);
    for (const dest of row.dests) writer.addDestination(dest);
  }
  return writer.finish();
}

/** Sets the 64-bit CONNS counter in the STATS64 nest of a service or destination message, in place. */
function setConns(message: Buffer, nestType: number, statsType: number, value: number): void {
  const top = new AttributeIndex(CmdAttr.TIMEOUT_UDP).scan(message);
  const at = top.offset(nestType);
  const nest = new AttributeIndex(20).scan(message, at, at + top.length(nestType));
  const statsAt = nest.offset(statsType);
  const stats = new AttributeIndex(StatsAttr.PAD).scan(message, statsAt, statsAt + nest.length(statsType));
  expect(stats.length(StatsAttr.CONNS)).toBe(8);
  message.writeBigUInt64LE(BigInt(value), stats.offset(StatsAttr.CONNS));
}

const decode = (rows: Row[], previous?: DecodedSnapshot) =>
  decodeSnapshotReusing(rawOf(rows), previous, new EventLoopSlicer(8));

function byAddress(snapshot: readonly ServiceWithDestinations[]) {
  return new Map(snapshot.map((entry) => [JSON.stringify(entry.key), entry]));
}

describe('snapshot-row-reuse', () => {
  it('hands out the very same entries and real servers when no byte changed', async () => {
    const rows = recordedRows();
    expect(rows.length).toBeGreaterThan(2);
    const first = await decode(rows);
    const second = await decode(rows, first);
    expect(second.sorted).toHaveLength(first.sorted.length);
    second.sorted.forEach((entry, i) => expect(entry).toBe(first.sorted[i]));
    expect(second.sorted).toEqual(await decodeSnapshot(rawOf(rows), new EventLoopSlicer(8)));
  });

  it('decodes a real server with one changed byte anew, in a new entry; the other rows stay', async () => {
    const rows = recordedRows();
    const first = await decode(rows);
    const changed = rows[1] as Row;
    setConns(changed.dests[0] as Buffer, CmdAttr.DEST, DestAttr.STATS64, 4242);
    const second = await decode(rows, first);
    const before = byAddress(first.sorted);
    let newEntries = 0;
    for (const entry of second.sorted) {
      const old = before.get(JSON.stringify(entry.key));
      if (entry === old) continue;
      newEntries++;
      const moved = entry.destinations.filter((dest, i) => dest !== old?.destinations[i]);
      expect(moved.map((dest) => dest.stats.conns)).toEqual([4242]);
      expect(entry.destinations.filter((dest) => old?.destinations.includes(dest))).toHaveLength(
        entry.destinations.length - 1,
      );
    }
    expect(newEntries).toBe(1);
    expect(second.sorted).toEqual(await decodeSnapshot(rawOf(rows), new EventLoopSlicer(8)));
  });

  it('gives a service whose own counters changed a new entry that keeps its unchanged real servers', async () => {
    const rows = recordedRows();
    const first = await decode(rows);
    setConns(rows[0]?.service as Buffer, CmdAttr.SERVICE, SvcAttr.STATS64, 77);
    const second = await decode(rows, first);
    const old = first.rows[0];
    const entry = second.rows[0];
    expect(entry).not.toBe(old);
    expect([entry?.stats.conns, old?.stats.conns]).toEqual([77, 0]);
    expect(entry?.destinations).toBe(old?.destinations);
    expect(second.rows.slice(1)).toEqual(first.rows.slice(1));
    second.rows.slice(1).forEach((row, i) => expect(row).toBe(first.rows[i + 1]));
  });

  it('finds unchanged rows by identity when services were added, removed or reordered', async () => {
    const rows = recordedRows();
    const first = await decode(rows.slice(1));
    const reordered = [...rows].reverse();
    const second = await decode(reordered, first);
    const old = byAddress(first.sorted);
    const added = second.sorted.filter((entry) => old.get(JSON.stringify(entry.key)) !== entry);
    const onlyNew = await decodeSnapshot(rawOf(rows.slice(0, 1)), new EventLoopSlicer(8));
    expect(added.map((entry) => entry.key)).toEqual(onlyNew.map((entry) => entry.key));
    expect(second.sorted).toEqual(await decodeSnapshot(rawOf(rows), new EventLoopSlicer(8)));
    const third = await decode(rows.slice(2), second);
    expect(third.sorted.map((entry) => entry.key)).toEqual(
      (await decodeSnapshot(rawOf(rows.slice(2)), new EventLoopSlicer(8))).map((entry) => entry.key),
    );
    third.sorted.forEach((entry) =>
      expect(byAddress(second.sorted).get(JSON.stringify(entry.key))).toBe(entry),
    );
  });

  it('decodes a real server anew when one was added to its service', async () => {
    const rows = recordedRows();
    const first = await decode(rows);
    const grown = rows.map((row, i) =>
      i === 0 ? { ...row, dests: [...row.dests, ...row.dests.slice(0, 1)] } : row,
    );
    const second = await decode(grown, first);
    expect(second.rows[0]).not.toBe(first.rows[0]);
    expect(second.rows[0]?.destinations).toHaveLength((first.rows[0]?.destinations.length ?? 0) + 1);
    expect(second.rows[1]).toBe(first.rows[1]);
  });
});
