import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { formatSaveText } from '../format-save.js';
import { parseRestoreText } from '../parse-restore.js';
import { applyRestoreLines } from '../save-table.js';

const restore = (text: string) => applyRestoreLines([], parseRestoreText(text));

function bigRestoreText(services: number, dests: number): string {
  const lines: string[] = [];
  for (let i = 0; i < services; i++) {
    const vip = `10.100.${Math.floor(i / 250)}.${(i % 250) + 1}:80`;
    lines.push(`-A -t ${vip} -s wlc`);
    for (let d = 0; d < dests; d++) {
      lines.push(`-a -t ${vip} -r 10.200.${Math.floor(i / 25)}.${(i % 25) * 10 + d + 1}:80 -m -w 1`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('save-table', () => {
  it('finds a service and real server however its IPv6 address is spelled', () => {
    const table = restore(
      [
        '-A -t [2001:db8:0:0::1]:80 -s rr',
        '-a -t [2001:DB8::1]:80 -r [2001:db8::0:10]:80 -m -w 1',
        '-e -t [2001:db8::1]:80 -r [2001:db8:0::10]:80 -m -w 5',
        '-E -t [2001:0db8::1]:80 -s wlc',
      ].join('\n'),
    );
    expect(table).toHaveLength(1);
    expect(table[0]?.scheduler).toBe('wlc');
    expect(table[0]?.destinations.map((dest) => dest.weight)).toEqual([5]);
  });

  it('keeps a service edited in place where it was and puts one deleted and added again last', () => {
    const table = restore(
      ['-A -t 10.0.0.1:80', '-A -t 10.0.0.2:80', '-A -t 10.0.0.3:80', '-E -t 10.0.0.1:80 -s wrr']
        .concat(['-D -t 10.0.0.2:80', '-A -t 10.0.0.2:80 -s sh'])
        .join('\n'),
    );
    expect(table.map((service) => [service.key, service.scheduler])).toEqual([
      [{ protocol: 'tcp', address: '10.0.0.1', port: 80 }, 'wrr'],
      [{ protocol: 'tcp', address: '10.0.0.3', port: 80 }, 'wlc'],
      [{ protocol: 'tcp', address: '10.0.0.2', port: 80 }, 'sh'],
    ]);
  });

  it('refuses what the kernel refuses, naming the line, and starts again empty after -C', () => {
    const refusal = (text: string) => {
      try {
        restore(text);
      } catch (error) {
        return error instanceof AppError ? `${error.code} ${error.message}` : String(error);
      }
      return 'accepted';
    };
    expect(refusal('-A -t 10.0.0.1:80\n-A -t 10.0.0.1:80')).toMatch(/^SERVICE_EXISTS line 2: /);
    expect(refusal('-a -t 10.0.0.1:80 -r 10.0.1.1:80')).toMatch(/^SERVICE_NOT_FOUND line 1: /);
    expect(refusal('-A -f 7\n-a -f 7 -r 10.0.1.1:0\n-a -f 7 -r 10.0.1.1')).toMatch(
      /^DESTINATION_EXISTS line 3: .*10\.0\.1\.1:0 in fwmark:7/,
    );
    expect(refusal('-A -f 7\n-d -f 7 -r 10.0.1.1:0')).toMatch(/^DESTINATION_NOT_FOUND line 2: /);
    expect(refusal('-A -f 7\n-C\n-A -f 7')).toBe('accepted');
  });

  // Its speed (it used to be quadratic) is measured by `npm run bench:restore`, not timed here.
  it('reads back a 1,000 services x 10 real servers table line for line', () => {
    const text = bigRestoreText(1000, 10);
    const table = restore(text);
    expect(table).toHaveLength(1000);
    expect(formatSaveText(table).split('\n').sort()).toEqual(text.split('\n').sort());
  });
});
