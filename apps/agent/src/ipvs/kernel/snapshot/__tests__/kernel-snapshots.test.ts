// KernelSnapshots over kernel replies recorded in the user-mode Linux guest, read as the backend reads
// them (the live kernel's case is test/kernel/client/row-reuse.ktest.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGenlHeader, decodeMessages, type GenlReply } from '../../../../netlink/index.js';
import { IpvsCmd } from '../../codec/constants.js';
import { KernelSnapshots } from '../kernel-snapshots.js';
import type { DumpConnection } from '../snapshot-reader.js';

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
const dests = replies('dest-dump-stats64.bin');

/** Every recorded service with the recorded real servers; with `edit`, one byte of one real server differs. */
function replay(state: { dumps: number; edit?: number }): DumpConnection {
  return {
    dump(_family: string, cmd: number): GenlReply[] {
      state.dumps++;
      if (cmd === IpvsCmd.GET_SERVICE) return services;
      if (state.edit === undefined || state.dumps !== 3) return dests;
      // The second dumped service's first real server, its last byte different from what was recorded.
      const [first, ...rest] = dests;
      const attributes = Buffer.from(first?.attributes ?? Buffer.alloc(0));
      attributes[attributes.length - 1] = state.edit;
      return [{ cmd: first?.cmd ?? 0, version: first?.version ?? 0, attributes }, ...rest];
    },
  };
}

const options = { sliceMs: 8, rowReuse: true };

describe('kernel-snapshots', () => {
  it('takes snapshots asked for at once one after another, the second handing out the first rows', async () => {
    const snapshots = new KernelSnapshots(replay({ dumps: 0 }), options);
    const [first, second] = await Promise.all([snapshots.snapshot(), snapshots.snapshot()]);
    expect(first.length).toBe(services.length);
    expect(second).not.toBe(first);
    second.forEach((entry, i) => expect(entry).toBe(first[i]));
  });

  it('gives the service whose real server changed a new entry and keeps the others', async () => {
    const state: { dumps: number; edit?: number } = { dumps: 0 };
    const snapshots = new KernelSnapshots(replay(state), options);
    const first = await snapshots.snapshot();
    state.dumps = 0;
    state.edit = 0x5a;
    const second = await snapshots.snapshot();
    const changed = second.filter((entry, i) => entry !== first[i]);
    expect(changed).toHaveLength(1);
    expect(second.filter((entry) => first.includes(entry))).toHaveLength(services.length - 1);
  });

  it('decodes every row anew with rowReuse off, to equal objects', async () => {
    const snapshots = new KernelSnapshots(replay({ dumps: 0 }), { ...options, rowReuse: false });
    const first = await snapshots.snapshot();
    const second = await snapshots.snapshot();
    expect(second).toEqual(first);
    second.forEach((entry, i) => expect(entry).not.toBe(first[i]));
  });
});
