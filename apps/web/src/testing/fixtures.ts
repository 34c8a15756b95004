import { zeroStats, type Destination, type ServiceWithDestinations } from '@ipvs-dashboard/shared';

// Small, readable table fixtures for component and unit tests.
export { zeroStats };

export function destination(address: string, patch: Partial<Destination> = {}): Destination {
  return {
    address,
    port: 80,
    family: 'inet',
    forwarding: 'masq',
    weight: 1,
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
    ...patch,
  };
}

export function service(
  address: string,
  patch: Partial<ServiceWithDestinations> = {},
): ServiceWithDestinations {
  return {
    key: { protocol: 'tcp', address, port: 80 },
    family: 'inet',
    scheduler: 'wlc',
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    stats: zeroStats,
    destinations: [],
    ...patch,
  };
}
