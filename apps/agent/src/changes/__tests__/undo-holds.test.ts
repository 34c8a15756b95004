import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord, IpvsadmCommand } from '@ipvs-dashboard/shared';
import { HoldStore } from '../../state/index.js';
import { heldOutBack, heldOutText, holdOutAgain } from '../undo-holds.js';

const service = { protocol: 'tcp', address: '10.0.0.1', port: 80 } as const;
const record = {
  id: 'c1',
  heldOut: [
    { service: 'tcp:10.0.0.1:80', destination: '10.0.1.1:80', weight: 7 },
    { service: 'tcp:10.0.0.1:80', destination: '10.0.1.3:80', weight: 2 },
  ],
} as ChangeRecord;

const add = (address: string, weight: number): IpvsadmCommand => ({
  kind: 'add-destination',
  service,
  destination: {
    address,
    port: 80,
    weight,
    upperThreshold: 0,
    lowerThreshold: 0,
    forwarding: 'masq',
    tunnelType: 'ipip',
    tunnelPort: 0,
    tunnelChecksum: 'nocsum',
  },
});

describe('undo of a removal of held-out servers', () => {
  it('holds out again only the servers the undo puts back at weight 0', () => {
    expect(heldOutBack(record, [add('10.0.1.1', 0), add('10.0.1.3', 4)])).toEqual([record.heldOut![0]]);
    expect(heldOutBack({ ...record, heldOut: undefined }, [add('10.0.1.1', 0)])).toEqual([]);
    expect(heldOutText([record.heldOut![0]!])).toBe(
      '; 10.0.1.1:80 held out at weight 0, unquiesce gives back weight 7',
    );
  });

  it('places an operator hold remembering the weight before the drain, kept across a reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'undo-holds-'));
    try {
      const holds = await HoldStore.open(dir);
      await holdOutAgain(holds, [record.heldOut![0]!], 'c1', 1000);
      const again = await HoldStore.open(dir);
      expect(again.get('tcp:10.0.0.1:80 10.0.1.1:80')).toEqual({
        weight: 7,
        holds: [
          {
            kind: 'operator',
            since: 1000,
            reason: 'brought back by the undo of c1; unquiesce gives back weight 7',
          },
        ],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
