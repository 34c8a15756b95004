// Replies recorded from a real IPVS kernel (Linux 6.1 user-mode guest, test/kernel/recording) decode to
// what ipvsadm said about the same table. Re-record: KTEST_RECORD_FIXTURES=1 KTEST_FILTER=record npm run test:kernel
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AddressFamily } from '@ipvs-dashboard/shared';
import { NLMSG_ERROR, decodeError, decodeGenlHeader, decodeMessages } from '../../../../netlink/index.js';
import { unpackServiceMessage } from '../service-codec.js';
import { unpackDestinationMessage } from '../destination-codec.js';
import { unpackInfo, unpackTimeouts } from '../config-codec.js';
import { unpackDaemonMessage } from '../daemon-codec.js';
import { IpvsCmd } from '../constants.js';
import { errorCodeFor, type IpvsOperation } from '../../kernel-errors.js';

const FIXTURES = new URL('../../../../../../../test/kernel/fixtures/', import.meta.url);

interface FixtureEntry {
  file: string;
  holds: string;
  request: { cmd: number; flags: number };
  decodesTo: unknown;
}

interface FixtureIndex {
  familyId: number;
  fixtures: FixtureEntry[];
}

const index = JSON.parse(readFileSync(new URL('index.json', FIXTURES), 'utf8')) as FixtureIndex;

function bytesOf(entry: FixtureEntry): Buffer {
  return readFileSync(new URL(entry.file, FIXTURES));
}

/** The attributes of every IPVS reply in the recorded datagrams (control messages left out). */
function replies(entry: FixtureEntry): Buffer[] {
  return decodeMessages(bytesOf(entry))
    .filter((message) => message.type === index.familyId)
    .map((message) => decodeGenlHeader(message.payload).attributes);
}

function byKey<T extends { key?: unknown; address?: string; port?: number; state?: string }>(list: T[]): T[] {
  const name = (item: T) => JSON.stringify(item.key ?? [item.address, item.port, item.state]);
  return [...list].sort((a, b) => name(a).localeCompare(name(b)));
}

function fixtures(cmd: number): FixtureEntry[] {
  return index.fixtures.filter((entry) => entry.request.cmd === cmd && !entry.file.startsWith('error-'));
}

describe('kernel reply fixtures', () => {
  it('has every kind of reply the issue asks for', () => {
    const files = index.fixtures.map((entry) => entry.file);
    for (const wanted of [
      'service-dump.bin',
      'dest-dump-stats64.bin',
      'info.bin',
      'config.bin',
      'daemon-dump.bin',
    ]) {
      expect(files).toContain(wanted);
    }
    expect(files.filter((file) => file.startsWith('error-')).length).toBeGreaterThanOrEqual(5);
  });

  it('decodes the service dump to every service ipvsadm built, stats included', () => {
    for (const entry of fixtures(IpvsCmd.GET_SERVICE)) {
      const decoded = replies(entry).map(unpackServiceMessage);
      expect(byKey(decoded)).toEqual(byKey(entry.decodesTo as typeof decoded));
    }
  });

  it('decodes destination dumps: STATS64 counters and rates, thresholds, GUE tunnel, IPv6', () => {
    const entries = fixtures(IpvsCmd.GET_DEST);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const entry of entries) {
      const expected = entry.decodesTo as { family: AddressFamily }[];
      const family = expected[0]?.family ?? 'inet';
      const decoded = replies(entry).map((attributes) => unpackDestinationMessage(attributes, family));
      // Recorded before `overloaded` existed; no recorded server had reached an upper threshold.
      const withFlag = expected.map((dest) => ({ overloaded: false, ...dest }));
      expect(byKey(decoded), entry.file).toEqual(byKey(withFlag as typeof decoded));
    }
    const stats64 = index.fixtures.find((entry) => entry.file === 'dest-dump-stats64.bin');
    const conns = (stats64?.decodesTo as { stats: { conns: number } }[]).map((dest) => dest.stats.conns);
    expect(conns.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(0);
  });

  it('decodes info, config and the daemon dump', () => {
    for (const entry of fixtures(IpvsCmd.GET_INFO))
      expect(replies(entry).map(unpackInfo)).toEqual([entry.decodesTo]);
    for (const entry of fixtures(IpvsCmd.GET_CONFIG)) {
      expect(replies(entry).map(unpackTimeouts)).toEqual([entry.decodesTo]);
    }
    for (const entry of fixtures(IpvsCmd.GET_DAEMON)) {
      const decoded = replies(entry)
        .map(unpackDaemonMessage)
        .filter((daemon) => daemon !== null);
      expect(byKey(decoded)).toEqual(byKey(entry.decodesTo as typeof decoded));
    }
  });

  it('decodes each error acknowledgement to its errno and catalogue code', () => {
    const errors = index.fixtures.filter((entry) => entry.file.startsWith('error-'));
    for (const entry of errors) {
      const expected = entry.decodesTo as { operation: IpvsOperation; errno: number; code: string };
      const ack = decodeMessages(bytesOf(entry)).find((message) => message.type === NLMSG_ERROR);
      expect(ack, entry.file).toBeDefined();
      const decoded = decodeError(ack?.payload ?? Buffer.alloc(0), ack?.flags ?? 0);
      expect(decoded.errno, entry.file).toBe(expected.errno);
      expect(decoded.requestType, entry.file).toBe(index.familyId);
      expect(errorCodeFor(expected.operation, decoded.errno), entry.file).toBe(expected.code);
    }
  });
});
