import { describe, expect, it } from 'vitest';
import { zeroStats, type Destination, type ServiceWithDestinations } from '@ipvs-dashboard/shared';
import type { HeldServer } from '../../state/index.js';
import { reconcileHolds } from '../reconcile-holds.js';

const dest = (address: string, weight: number): Destination => ({
  address,
  port: 80,
  family: 'inet',
  forwarding: 'masq',
  weight,
  upperThreshold: 0,
  lowerThreshold: 0,
  tunnelType: 'ipip',
  tunnelPort: 0,
  tunnelChecksum: 'nocsum',
  activeConns: 0,
  inactiveConns: 0,
  persistentConns: 0,
  overloaded: false,
  stats: zeroStats,
});

const table: ServiceWithDestinations[] = [
  {
    key: { protocol: 'tcp', address: '10.0.0.1', port: 80 },
    family: 'inet',
    scheduler: 'wrr',
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    stats: zeroStats,
    destinations: [dest('10.0.1.1', 0), dest('10.0.1.2', 5), dest('10.0.1.3', 0)],
  },
];

const health = { kind: 'health' as const, since: 1, reason: 'connect refused' };

describe('reconcile-holds', () => {
  it('keeps holds the table still shows, forgets those it moved past, and names unexplained zero weights', () => {
    const held = new Map<string, HeldServer>([
      ['tcp:10.0.0.1:80 10.0.1.1:80', { weight: 4, holds: [health] }],
      ['tcp:10.0.0.1:80 10.0.1.2:80', { weight: 5, holds: [health] }],
      ['tcp:10.0.0.1:80 10.0.1.9:80', { weight: 1, holds: [health] }],
    ]);
    expect(reconcileHolds(table, held)).toEqual({
      kept: [{ service: 'tcp:10.0.0.1:80', destination: '10.0.1.1:80', holds: [health] }],
      forgotten: [
        {
          service: 'tcp:10.0.0.1:80',
          destination: '10.0.1.2:80',
          holds: [health],
          why: 'has weight 5 in the table',
        },
        {
          service: 'tcp:10.0.0.1:80',
          destination: '10.0.1.9:80',
          holds: [health],
          why: 'gone from the table',
        },
      ],
      unheld: [{ service: 'tcp:10.0.0.1:80', destination: '10.0.1.3:80' }],
    });
  });
});
