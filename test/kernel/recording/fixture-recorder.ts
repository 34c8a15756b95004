// Writes one fixture per kernel exchange into test/kernel/fixtures and keeps the index entries that say
// what each holds and what it must decode to.
import { readFileSync, writeFileSync } from 'node:fs';
import { stableRecording } from './expected-from-ipvsadm.js';
import type { RawIpvs } from './raw-netlink.js';

export const FIXTURES = new URL('../../fixtures/', import.meta.url);

export interface FixtureEntry {
  file: string;
  holds: string;
  request: { cmd: number; flags: number };
  decodesTo: unknown;
}

export interface Exchange {
  file: string;
  holds: string;
  cmd: number;
  dump: boolean;
  attributes: Buffer;
}

export class FixtureRecorder {
  private readonly entries: FixtureEntry[] = [];

  constructor(private readonly raw: RawIpvs) {}

  /** Records `exchange`, expected to decode to `decodesTo` (fixed values from the commands that built it). */
  save(exchange: Exchange, decodesTo: unknown): void {
    const { bytes, flags } = this.raw.exchange(exchange.cmd, exchange.attributes, exchange.dump);
    this.write(exchange, bytes, flags, decodesTo);
  }

  /** Records `exchange` while ipvsadm's live figures (`readExpected`) stay the same before and after it. */
  saveStable(exchange: Exchange, readExpected: () => unknown): void {
    const { value, expected } = stableRecording(readExpected, () =>
      this.raw.exchange(exchange.cmd, exchange.attributes, exchange.dump),
    );
    this.write(exchange, value.bytes, value.flags, expected);
  }

  writeIndex(): void {
    const index = {
      recordedOn: readFileSync('/proc/version', 'utf8').trim(),
      familyId: this.raw.familyId,
      familyVersion: this.raw.version,
      note:
        'Each .bin is the kernel datagrams of one exchange, concatenated. Stats, rates and connection counts ' +
        'are ipvsadm -Ln --stats/--rate --exact readings taken before and after the dump (equal).',
      fixtures: this.entries,
    };
    writeFileSync(new URL('index.json', FIXTURES), `${JSON.stringify(index, null, 2)}\n`);
  }

  private write(exchange: Exchange, bytes: Buffer, flags: number, decodesTo: unknown): void {
    writeFileSync(new URL(exchange.file, FIXTURES), bytes);
    this.entries.push({
      file: exchange.file,
      holds: exchange.holds,
      request: { cmd: exchange.cmd, flags },
      decodesTo,
    });
  }
}
