// Read-model values shaped like the captured table of ipvsadm-1.31-captured.md, for tests.
import type { Destination, ServiceWithDestinations, Stats } from '../model.js';

export function stats(conns: number, overrides: Partial<Stats> = {}): Stats {
  return {
    conns,
    inPackets: conns * 7,
    outPackets: conns * 5,
    inBytes: conns * 435,
    outBytes: conns * 496,
    cps: 0,
    inPps: 0,
    outPps: 0,
    inBps: 0,
    outBps: 0,
    ...overrides,
  };
}

export function destination(
  address: string,
  port: number,
  overrides: Partial<Destination> = {},
): Destination {
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
    stats: stats(0),
    ...overrides,
  };
}

export function httpService(destinations: Destination[]): ServiceWithDestinations {
  return {
    key: { protocol: 'tcp', address: '10.10.10.10', port: 80 },
    family: 'inet',
    scheduler: 'wrr',
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    stats: stats(30),
    destinations,
  };
}
