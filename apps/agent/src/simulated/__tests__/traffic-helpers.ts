// Builders for traffic tests: a backend on a frozen clock with one service, its real servers and a profile.
import type { DestinationInput, ServiceInput, ServiceKey } from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../simulated-backend.js';
import type { TrafficProfile } from '../traffic/traffic-profile.js';

export const vip: ServiceKey = { protocol: 'tcp', address: '10.0.0.1', port: 80 };

export function service(overrides: Partial<ServiceInput> = {}): ServiceInput {
  return {
    ...vip,
    scheduler: 'wlc',
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    ...overrides,
  } as ServiceInput;
}

export function server(address: string, overrides: Partial<DestinationInput> = {}): DestinationInput {
  return {
    address,
    port: 80,
    forwarding: 'masq',
    weight: 1,
    upperThreshold: 0,
    lowerThreshold: 0,
    tunnelType: 'ipip',
    tunnelPort: 0,
    tunnelChecksum: 'nocsum',
    ...overrides,
  };
}

export function steady(
  connectionsPerSecond: number,
  overrides: Partial<TrafficProfile> = {},
): TrafficProfile {
  return {
    connectionsPerSecond,
    variation: 0,
    meanDurationSeconds: 2,
    packetsIn: 6,
    packetsOut: 8,
    bytesIn: 600,
    bytesOut: 6000,
    clients: 1000,
    ...overrides,
  };
}

export async function backendWith(
  svc: ServiceInput,
  servers: DestinationInput[],
  profile: TrafficProfile,
): Promise<SimulatedBackend> {
  const backend = new SimulatedBackend({ now: () => 0, seed: 42 });
  await backend.addService(svc);
  for (const dest of servers) await backend.addDestination(svc, dest);
  backend.setTraffic(svc, profile);
  return backend;
}

/** Connections scheduled so far per real server address. */
export async function connsByServer(
  backend: SimulatedBackend,
  key: ServiceKey = vip,
): Promise<Record<string, number>> {
  const dests = await backend.listDestinations(key);
  return Object.fromEntries(dests.map((d) => [d.address, d.stats.conns]));
}
