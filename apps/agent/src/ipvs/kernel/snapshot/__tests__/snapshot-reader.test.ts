// The snapshot path (reader -> RawSnapshot -> decoder) replayed over real kernel replies recorded in the
// user-mode Linux guest: it must give exactly what decoding each reply directly gives, in ipvsadm's order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import {
  NetlinkError,
  decodeGenlHeader,
  decodeMessages,
  errno,
  type GenlReply,
  type ReplyVisitor,
} from '../../../../netlink/index.js';
import { IPVS_GENL_NAME, IpvsCmd } from '../../codec/constants.js';
import { unpackDestinationMessage } from '../../codec/destination-codec.js';
import { EventLoopSlicer } from '../event-loop-slicer.js';
import { sortDestinations, sortServices } from '../ipvsadm-order.js';
import { transferablesOf } from '../raw-snapshot.js';
import { identityFromServiceMessage, unpackServiceMessage } from '../../codec/service-codec.js';
import { decodeServices, decodeSnapshot } from '../snapshot-decoder.js';
import {
  readRawSnapshot,
  readRawSnapshotNow,
  readRawSnapshotSliced,
  type DumpConnection,
} from '../snapshot-reader.js';

const FIXTURES = new URL('../../../../../../../test/kernel/fixtures/', import.meta.url);
const { familyId } = JSON.parse(readFileSync(new URL('index.json', FIXTURES), 'utf8')) as {
  familyId: number;
};

function replies(file: string): GenlReply[] {
  return decodeMessages(readFileSync(new URL(file, FIXTURES)))
    .filter((message) => message.type === familyId)
    .map((message) => decodeGenlHeader(message.payload));
}

const services = replies('service-dump.bin');
const destFixtures = [
  'dest-dump-stats64.bin',
  'dest-dump-thresholds.bin',
  'dest-dump-gue.bin',
  'dest-dump-ipv6.bin',
];
/** Each recorded service gets one of the recorded destination dumps (and every fourth none). */
const destsByIdentity = new Map<string, GenlReply[]>(
  services.map((service, i) => {
    const file = destFixtures[i % 5];
    return [identityFromServiceMessage(service.attributes).toString('hex'), file ? replies(file) : []];
  }),
);

/** Replays the recordings as GenlConnection.dump would answer; counts the dumps asked for. */
function replay(): DumpConnection & { calls: number } {
  return {
    calls: 0,
    dump(family: string, cmd: number, attributes: Buffer): GenlReply[] {
      this.calls++;
      expect(family).toBe(IPVS_GENL_NAME);
      if (cmd === IpvsCmd.GET_SERVICE) return services;
      expect(cmd).toBe(IpvsCmd.GET_DEST);
      return destsByIdentity.get(attributes.toString('hex')) ?? [];
    },
  };
}

/** Like replay(), plus dumpEach handing out every reply through ONE reused buffer (as the socket does). */
function replayWithDumpEach(): DumpConnection {
  const connection = replay();
  const shared = Buffer.alloc(65536);
  return {
    dump: (family, cmd, attributes) => connection.dump(family, cmd, attributes),
    dumpEach(family: string, cmd: number, attributes: Buffer, onReply: ReplyVisitor): void {
      for (const reply of connection.dump(family, cmd, attributes)) {
        shared.fill(0xee);
        reply.attributes.copy(shared, 100);
        onReply(shared, 100, 100 + reply.attributes.length);
      }
    },
  };
}

/**
 * Like replayWithDumpEach(), but in steps as GenlConnection.dumpEachSteps: one reply per "datagram", a
 * step after each but the last; records each step as the service's dump position.
 */
function replayWithSteps(steps: string[]): DumpConnection {
  const connection = replay();
  const shared = Buffer.alloc(65536);
  return {
    dump: (family, cmd, attributes) => connection.dump(family, cmd, attributes),
    *dumpEachSteps(family: string, cmd: number, attributes: Buffer, onReply: ReplyVisitor) {
      const all = connection.dump(family, cmd, attributes);
      for (const [i, reply] of all.entries()) {
        shared.fill(0xee);
        reply.attributes.copy(shared, 100);
        onReply(shared, 100, 100 + reply.attributes.length);
        if (i < all.length - 1) {
          steps.push(`${attributes.toString('hex')} ${i + 1}/${all.length}`);
          yield;
        }
      }
    },
  };
}

function expectedSnapshot() {
  const decoded = services.map((reply) => {
    const service = unpackServiceMessage(reply.attributes);
    const dests = destsByIdentity.get(identityFromServiceMessage(reply.attributes).toString('hex')) ?? [];
    const destinations = dests.map((d) => unpackDestinationMessage(d.attributes, service.family));
    return { ...service, destinations: sortDestinations(destinations) };
  });
  return sortServices(decoded);
}

describe('snapshot-reader and snapshot-decoder', () => {
  it('give every recorded service with its real servers and stats, as direct decoding does', async () => {
    const snapshot = await decodeSnapshot(readRawSnapshotNow(replay(), true), new EventLoopSlicer(8));
    expect(snapshot.length).toBe(services.length);
    expect(snapshot.some((service) => service.destinations.length > 0)).toBe(true);
    expect(snapshot).toEqual(expectedSnapshot());
  });

  it('copy what dumpEach lends them before the buffer is reused', async () => {
    const snapshot = await decodeSnapshot(
      readRawSnapshotNow(replayWithDumpEach(), true),
      new EventLoopSlicer(8),
    );
    expect(snapshot).toEqual(expectedSnapshot());
  });

  it("yield inside a service's destination dump when the connection reads it in steps", async () => {
    const steps: string[] = [];
    let yields = 0;
    const reader = readRawSnapshot(replayWithSteps(steps), true);
    let step = reader.next();
    for (; !step.done; step = reader.next()) yields++;
    const withinDumps = steps.length;
    expect(withinDumps).toBeGreaterThan(0);
    expect(yields).toBe(services.length + withinDumps); // one per service plus one per suspended step
    expect(await decodeSnapshot(step.value, new EventLoopSlicer(8))).toEqual(expectedSnapshot());
  });

  it('turn a refusal in the middle of a stepped dump into the catalogue error', () => {
    const stepped = replayWithSteps([]);
    const refusing: DumpConnection = {
      dump: stepped.dump,
      *dumpEachSteps(family, cmd, attributes, onReply) {
        if (cmd === IpvsCmd.GET_DEST) {
          yield;
          throw new NetlinkError('dump IPVS cmd 8', errno.EPERM);
        }
        yield* stepped.dumpEachSteps!(family, cmd, attributes, onReply);
      },
    };
    expect(() => readRawSnapshotNow(refusing, true)).toThrow(
      expect.objectContaining({ code: 'PERMISSION_DENIED' }),
    );
  });

  it('read the services alone with one dump when destinations are not wanted', async () => {
    const connection = replay();
    const listed = await decodeServices(readRawSnapshotNow(connection, false), new EventLoopSlicer(8));
    expect(connection.calls).toBe(1);
    expect(listed).toEqual(sortServices(services.map((reply) => unpackServiceMessage(reply.attributes))));
  });

  it('decode a snapshot whose buffers were transferred to another context', async () => {
    const raw = readRawSnapshotNow(replay(), true);
    const moved = structuredClone(raw, { transfer: transferablesOf(raw) });
    expect(raw.bytes.byteLength).toBe(0); // detached here: nothing was copied
    expect(await decodeSnapshot(moved, new EventLoopSlicer(8))).toEqual(expectedSnapshot());
  });

  it('let the event loop run between services when reading on the main thread', async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const slowDumps: DumpConnection = {
      dump(family, cmd, attributes) {
        const until = performance.now() + 2;
        while (performance.now() < until); // a kernel call that takes 2 ms
        return replay().dump(family, cmd, attributes);
      },
    };
    try {
      await readRawSnapshotSliced(slowDumps, true, new EventLoopSlicer(1));
    } finally {
      clearInterval(ticker);
    }
    expect(turns).toBeGreaterThan(2);
  });

  it('turn a kernel refusal of a destination dump into the catalogue error', () => {
    const refusing: DumpConnection = {
      dump(family, cmd, attributes) {
        if (cmd === IpvsCmd.GET_DEST) throw new NetlinkError('dump IPVS cmd 8', errno.EPERM);
        return replay().dump(family, cmd, attributes);
      },
    };
    expect(() => readRawSnapshotNow(refusing, true)).toThrow(AppError);
    try {
      readRawSnapshotNow(refusing, true);
    } catch (error) {
      expect((error as AppError).code).toBe('PERMISSION_DENIED');
    }
  });
});
