import type { Destination, ServiceInput, ServiceWithDestinations, Stats } from '@ipvs-dashboard/shared';

export function stats(partial: Partial<Stats> = {}): Stats {
  return {
    conns: 0,
    inPackets: 0,
    outPackets: 0,
    inBytes: 0,
    outBytes: 0,
    cps: 0,
    inPps: 0,
    outPps: 0,
    inBps: 0,
    outBps: 0,
    ...partial,
  };
}

export function dest(address: string, port: number, extra: Partial<Destination> = {}): Destination {
  return {
    address,
    port,
    family: address.includes(':') ? 'inet6' : 'inet',
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
    stats: stats(),
    ...extra,
  };
}

export function tcpService(
  address: string,
  port: number,
  destinations: Destination[],
  extra: Partial<ServiceWithDestinations> = {},
): ServiceWithDestinations {
  return {
    key: { protocol: 'tcp', address, port },
    family: address.includes(':') ? 'inet6' : 'inet',
    scheduler: 'wlc',
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    stats: stats(),
    destinations,
    ...extra,
  };
}

/** The input of TCP service 10.0.0.<n>:80 (rr), to add to a backend. */
export const serviceInput = (n: number): ServiceInput => ({
  protocol: 'tcp',
  address: `10.0.0.${n}`,
  port: 80,
  scheduler: 'rr',
  schedulerFlags: [],
  persistence: 0,
  netmask: '255.255.255.255',
  persistenceEngine: null,
  onePacket: false,
});
