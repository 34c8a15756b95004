import { describe, expect, it } from 'vitest';
import { applyRestoreLines } from '../save-table.js';
import { formatSaveText } from '../format-save.js';
import { parseRestoreText } from '../parse-restore.js';
import { sortServicesLikeIpvsadm } from '../sort.js';
import {
  capturedBuildCommands,
  capturedSaveNamed,
  capturedSaveNumeric,
  referenceSaveExample,
} from './fixtures.js';

const tableOf = (text: string) => sortServicesLikeIpvsadm(applyRestoreLines([], parseRestoreText(text)));

describe('format-save', () => {
  it('gives back the captured ipvsadm -Sn text byte for byte', () => {
    expect(formatSaveText(tableOf(capturedSaveNumeric), { thresholds: false })).toBe(capturedSaveNumeric);
    expect(formatSaveText(tableOf(capturedSaveNumeric))).toBe(capturedSaveNumeric);
  });

  it('reads the captured ipvsadm -S text, with port names, as the same table', () => {
    expect(tableOf(capturedSaveNamed)).toEqual(tableOf(capturedSaveNumeric));
  });

  it('prints what ipvsadm -Sn printed for the commands that built the table, keeping thresholds', () => {
    const table = tableOf(capturedBuildCommands);
    expect(formatSaveText(table, { thresholds: false })).toBe(capturedSaveNumeric);
    const withThresholds = capturedSaveNumeric.replace(
      '-r 10.20.0.2:80 -m -w 3\n',
      '-r 10.20.0.2:80 -m -w 3 -x 100 -y 50\n',
    );
    expect(formatSaveText(table)).toBe(withThresholds);
    expect(tableOf(withThresholds)).toEqual(table);
  });

  it('sorts the section 7.7 example the way ipvsadm does: family before protocol', () => {
    const text = formatSaveText(tableOf(referenceSaveExample));
    // Same lines as the hand-written example ...
    expect(text.split('\n').sort()).toEqual(referenceSaveExample.split('\n').sort());
    // ... but, as in the real capture, the IPv6 TCP service comes after the IPv4 UDP and SCTP ones.
    const services = text.split('\n').filter((line) => line.startsWith('-A'));
    expect(services.map((line) => line.split(' ').slice(1, 3).join(' '))).toEqual([
      '-t 10.0.0.1:80',
      '-t 10.0.0.2:443',
      '-u 10.0.0.1:53',
      '--sctp-service 10.0.0.3:3868',
      '-t [2001:db8::1]:80',
      '-f 100',
      '-f 200',
    ]);
  });

  it('reproduces ipvsadm ordering quirks of its int-subtracting comparators', () => {
    const text = [
      '-A -t 1.0.0.0:80 -s rr',
      '-A -t 200.0.0.0:80 -s rr',
      '-A -f 3000000000 -s rr',
      '-A -f 5 -s rr',
      '-A -t 10.0.0.1:80 -s rr',
      '-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 1',
      '-a -t 10.0.0.1:80 -r 10.0.0.9:8080 -m -w 1',
      '-a -t 10.0.0.1:80 -r 10.0.0.9:80 -m -w 1',
      '',
    ].join('\n');
    const order = formatSaveText(tableOf(text))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ').slice(1, 5).join(' '));
    // glibc msort on [1.0.0.0, 200.0.0.0, f3e9, f5, 10.0.0.1]: halves [200, 1] and [f3e9, 10.0.0.1, f5];
    // 0 - 3e9 wraps positive so fwmark 3e9 leads; 200.0.0.0 - 10.0.0.1 wraps negative so 200 precedes 10.
    expect(order).toEqual([
      '-f 3000000000 -s rr',
      '-t 200.0.0.0:80 -s rr',
      '-t 1.0.0.0:80 -s rr',
      '-t 10.0.0.1:80 -s rr',
      '-t 10.0.0.1:80 -r 10.0.0.9:80',
      '-t 10.0.0.1:80 -r 10.0.0.9:8080',
      '-t 10.0.0.1:80 -r 10.0.1.2:80',
      '-f 5 -s rr',
    ]);
  });

  it('prints fwmarks from 2^31 up unsigned, or signed as ipvsadm 1.31 does, and reads both', () => {
    // Seen in the UML guest: ipvsadm -Sn saved mark 2508682465 as -1786284831 (and its -R refused it).
    const saved = '-A -f -1786284831 -s nq -p 576522 -M 0.0.0.0 -b flag-2\n';
    const table = tableOf(saved);
    expect(table[0]?.key).toEqual({ protocol: 'fwmark', fwmark: 2508682465, family: 'inet' });
    expect(formatSaveText(table, { exactIpvsadm: true })).toBe(saved);
    expect(formatSaveText(table)).toBe('-A -f 2508682465 -s nq -p 576522 -M 0.0.0.0 -b flag-2\n');
    expect(() => parseRestoreText('-A -f -2147483649 -s rr')).toThrow(
      /line 1: -f: fwmark must be 1-4294967295/,
    );
  });

  it('names flag-3 on sh and mh services unless asked for ipvsadm 1.31 bytes, which leave it out', () => {
    const table = tableOf('-A -t 10.0.0.1:80 -s sh -b flag-3\n-A -t 10.0.0.2:80 -s mh -b mh-port,flag-3\n');
    expect(formatSaveText(table)).toBe(
      '-A -t 10.0.0.1:80 -s sh -b flag-3\n-A -t 10.0.0.2:80 -s mh -b mh-port,flag-3\n',
    );
    // What the UML guest's ipvsadm -Sn printed for the same services; we read it back (flag-3 is lost).
    const exact = '-A -t 10.0.0.1:80 -s sh -b \n-A -t 10.0.0.2:80 -s mh -b mh-port\n';
    expect(formatSaveText(table, { exactIpvsadm: true })).toBe(exact);
    expect(tableOf(exact).map((service) => service.schedulerFlags)).toEqual([[], ['mh-port']]);
  });

  it('prints the empty table as nothing', () => {
    expect(formatSaveText([])).toBe('');
  });
});
