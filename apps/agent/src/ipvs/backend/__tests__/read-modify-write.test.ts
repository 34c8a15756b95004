import { describe, expect, it } from 'vitest';
import type { Destination, Service } from '@ipvs-dashboard/shared';
import { emptyStats } from '../../kernel/codec/stats-codec.js';
import { mergeDestination, mergeServiceSettings } from '../read-modify-write.js';

const service: Service = {
  key: { protocol: 'tcp', address: '10.10.10.10', port: 443 },
  family: 'inet',
  scheduler: 'sh',
  schedulerFlags: ['sh-fallback'],
  persistence: 600,
  netmask: '255.255.255.0',
  persistenceEngine: null,
  onePacket: false,
  stats: emptyStats(),
};

const gue: Destination = {
  address: '10.20.0.2',
  port: 3868,
  family: 'inet',
  forwarding: 'tunnel',
  weight: 1,
  upperThreshold: 100,
  lowerThreshold: 50,
  tunnelType: 'gue',
  tunnelPort: 6080,
  tunnelChecksum: 'csum',
  activeConns: 0,
  inactiveConns: 0,
  persistentConns: 0,
  overloaded: false,
  stats: emptyStats(),
};

describe('read-modify-write', () => {
  it('keeps persistence and mask when only the scheduler flags change', () => {
    expect(mergeServiceSettings(service.key, service, { schedulerFlags: ['sh-port'] })).toEqual({
      protocol: 'tcp',
      address: '10.10.10.10',
      port: 443,
      scheduler: 'sh',
      schedulerFlags: ['sh-port'],
      persistence: 600,
      netmask: '255.255.255.0',
      persistenceEngine: null,
      onePacket: false,
    });
  });

  it('keeps the GUE tunnel and thresholds when only the weight changes (SET_DEST would reset them)', () => {
    expect(mergeDestination(gue, { address: '10.20.0.2', port: 3868, weight: 0 })).toEqual({
      address: '10.20.0.2',
      port: 3868,
      forwarding: 'tunnel',
      weight: 0,
      upperThreshold: 100,
      lowerThreshold: 50,
      tunnelType: 'gue',
      tunnelPort: 6080,
      tunnelChecksum: 'csum',
    });
  });

  it('drops the tunnel options when the method becomes -g or -m, as ipvsadm -e ... -g does', () => {
    for (const forwarding of ['route', 'masq'] as const) {
      expect(mergeDestination(gue, { forwarding })).toMatchObject({
        forwarding,
        weight: 1,
        upperThreshold: 100,
        tunnelType: 'ipip',
        tunnelPort: 0,
        tunnelChecksum: 'nocsum',
      });
    }
  });
});
