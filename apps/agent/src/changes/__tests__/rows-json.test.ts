import { describe, expect, it } from 'vitest';
import type { SavableService } from '@ipvs-dashboard/shared';
import { stringifyWithRows } from '../rows-json.js';

const row = (port: number): SavableService => ({
  key: { protocol: 'tcp', address: '10.0.0.1', port },
  scheduler: 'wlc',
  schedulerFlags: [],
  persistence: 0,
  netmask: '255.255.255.255',
  persistenceEngine: null,
  onePacket: false,
  destinations: [
    {
      address: '10.0.1.1',
      port,
      forwarding: 'masq',
      weight: 3,
      upperThreshold: 0,
      lowerThreshold: 0,
      tunnelType: 'ipip',
      tunnelPort: 0,
      tunnelChecksum: 'nocsum',
    },
  ],
});

describe('stringifyWithRows', () => {
  it('gives the same value as JSON.stringify, row arrays shared or not', () => {
    const before = [row(80)];
    const after = [row(80), row(443)];
    const record = { id: 'c-1', summary: 'say "hi"', before, after, at: 5 };
    expect(JSON.parse(stringifyWithRows(record, ['before', 'after']))).toEqual(record);
    // The same arrays in another object (the journal header, then the record) read the same.
    const header = { before, target: after };
    expect(JSON.parse(stringifyWithRows(header, ['before', 'target']))).toEqual(header);
    expect(JSON.parse(stringifyWithRows({ before: [] }, ['before']))).toEqual({ before: [] });
  });

  it('leaves out a row field that is undefined, as JSON.stringify does', () => {
    const value: { id: string; before?: SavableService[] } = { id: 'x' };
    expect(stringifyWithRows(value, ['before'])).toBe('{"id":"x"}');
  });
});
