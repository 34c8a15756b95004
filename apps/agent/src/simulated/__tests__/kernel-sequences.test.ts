import { describe, expect, it } from 'vitest';
import { createScheduler } from '../schedulers/index.js';
import { SimTable } from '../sim-table.js';
import { SEQUENCE_SERVERS, SEQUENCE_WEIGHTS, SEQUENCES } from './kernel-sequence-capture.js';
import { server, service } from './traffic-helpers.js';

const key = { protocol: 'tcp', address: '10.10.0.100', port: 80 } as const;
const client = { clientWords: [0x0a0a0102, 0, 0, 0], clientPort: 40000, virtualKey: '10.10.0.100', now: 0 };

/** Replays the captured runs in order, carrying each server's connections over as the kernel's trash does. */
function replay(): Record<string, string[]> {
  const carried = new Map<string, number>(SEQUENCE_SERVERS.map((address) => [address, 0]));
  const result: Record<string, string[]> = {};
  for (const scheduler of Object.keys(SEQUENCES)) {
    const table = new SimTable();
    const svc = table.add(service({ ...key, scheduler }));
    SEQUENCE_SERVERS.forEach((address, i) => {
      const dest = table.addDestination(key, server(address, { weight: SEQUENCE_WEIGHTS[i] ?? 1 }), false);
      dest.inactiveConns = carried.get(address) ?? 0;
    });
    const pick = createScheduler(svc);
    result[scheduler] = Array.from({ length: 12 }, () => {
      const dest = pick.pick({ ...client, virtualWords: [0x0a0a0064, 0, 0, 0] });
      if (!dest) return 'none';
      // Each request is over before the next: its connection waits in TIME_WAIT, counted as inactive.
      dest.inactiveConns++;
      carried.set(dest.address, dest.inactiveConns);
      return dest.address;
    });
  }
  return result;
}

describe('schedulers against the 6.1 kernel', () => {
  const replayed = replay();
  for (const [scheduler, expected] of Object.entries(SEQUENCES)) {
    it(`${scheduler} picks the same servers in the same order as the kernel did`, () => {
      expect(replayed[scheduler]).toEqual(expected);
    });
  }
});
