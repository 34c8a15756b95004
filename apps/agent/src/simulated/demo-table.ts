// The demo: one service of each kind the dashboard shows, with steady traffic that varies a little, already
// warmed up so every chart moves from the first second. The fourth web server is quiesced (weight 0)
// after the warm-up has given it connections, so the dashboard shows them draining.
import type { DestinationInput, ServiceInput, ServiceKey } from '@ipvs-dashboard/shared';
import type { TrafficProfile } from './traffic/traffic-profile.js';

/** Simulated seconds of traffic before the first read: long enough for the 2 s EWMA rates to settle. */
const WARM_UP_MS = 90_000;
/** The quiesced web server keeps its weight this long into the warm-up. */
const QUIESCE_AFTER_MS = 60_000;

interface DemoService {
  service: ServiceInput;
  servers: DestinationInput[];
  traffic: TrafficProfile;
}

function svc(key: ServiceKey, settings: Partial<ServiceInput>): ServiceInput {
  const inet6 = key.protocol === 'fwmark' ? key.family === 'inet6' : key.address.includes(':');
  return {
    ...key,
    scheduler: 'wlc',
    schedulerFlags: [],
    persistence: 0,
    netmask: inet6 ? '128' : '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    ...settings,
  } as ServiceInput;
}

function real(address: string, port: number, settings: Partial<DestinationInput> = {}): DestinationInput {
  return {
    address,
    port,
    forwarding: 'masq',
    weight: 1,
    upperThreshold: 0,
    lowerThreshold: 0,
    tunnelType: 'ipip',
    tunnelPort: 0,
    tunnelChecksum: 'nocsum',
    ...settings,
  };
}

function traffic(cps: number, settings: Partial<TrafficProfile> = {}): TrafficProfile {
  return {
    connectionsPerSecond: cps,
    variation: 0.35,
    meanDurationSeconds: 4,
    packetsIn: 8,
    packetsOut: 12,
    bytesIn: 1_200,
    bytesOut: 24_000,
    clients: 500,
    ...settings,
  };
}

export const DEMO_WEB: ServiceKey = { protocol: 'tcp', address: '10.0.0.10', port: 80 };
export const DEMO_QUIESCED = real('10.0.1.4', 8080, { weight: 0 });
/** Its weight before the demo quiesced it: what dragging it back (unquiesce) gives it. */
export const DEMO_QUIESCED_WEIGHT = 2;

export const demoServices: readonly DemoService[] = [
  {
    service: svc(DEMO_WEB, { scheduler: 'wlc' }),
    servers: [
      real('10.0.1.1', 8080, { weight: 3, upperThreshold: 2000, lowerThreshold: 1500 }),
      real('10.0.1.2', 8080, { weight: 2 }),
      real('10.0.1.3', 8080, { weight: 2 }),
      { ...DEMO_QUIESCED, weight: DEMO_QUIESCED_WEIGHT },
    ],
    traffic: traffic(24),
  },
  {
    service: svc(
      { protocol: 'tcp', address: '10.0.0.10', port: 443 },
      { scheduler: 'sh', schedulerFlags: ['sh-fallback'], persistence: 600, netmask: '255.255.255.0' },
    ),
    servers: [real('10.0.2.1', 443, { forwarding: 'route' }), real('10.0.2.2', 443, { forwarding: 'route' })],
    traffic: traffic(10, { meanDurationSeconds: 12, packetsIn: 20, bytesIn: 4_000, clients: 2_000 }),
  },
  {
    service: svc({ protocol: 'udp', address: '10.0.0.53', port: 53 }, { scheduler: 'rr' }),
    servers: [real('10.0.3.1', 53), real('10.0.3.2', 53)],
    traffic: traffic(12, {
      variation: 0.2,
      meanDurationSeconds: 0.05,
      packetsIn: 1,
      packetsOut: 1,
      bytesIn: 70,
      bytesOut: 180,
    }),
  },
  {
    service: svc(
      { protocol: 'tcp', address: '2001:db8::80', port: 80 },
      { scheduler: 'mh', schedulerFlags: ['mh-fallback', 'mh-port'] },
    ),
    servers: [real('2001:db8:1::1', 80, { weight: 2 }), real('2001:db8:1::2', 80), real('2001:db8:1::3', 80)],
    traffic: traffic(6),
  },
  {
    service: svc({ protocol: 'fwmark', fwmark: 100, family: 'inet' }, { scheduler: 'wrr', persistence: 120 }),
    servers: [
      real('10.0.4.1', 0, { forwarding: 'tunnel', weight: 2 }),
      real('10.0.4.2', 0, { forwarding: 'tunnel', tunnelType: 'gue', tunnelPort: 6080 }),
    ],
    traffic: traffic(5, { target: { protocol: 'tcp', address: '10.0.0.100', port: 8080 } }),
  },
  {
    service: svc({ protocol: 'sctp', address: '10.0.0.30', port: 3868 }, { scheduler: 'rr' }),
    servers: [real('10.0.5.1', 3868), real('10.0.5.2', 3868)],
    traffic: traffic(2, {
      meanDurationSeconds: 30,
      packetsIn: 40,
      packetsOut: 40,
      bytesIn: 8_000,
      bytesOut: 8_000,
    }),
  },
];

/** Fills `backend` with the demo services and runs their traffic for a warm-up period. */
/** What building the demo needs of the simulated backend (not the class itself: no import cycle). */
export interface DemoTarget {
  addService(input: ServiceInput): Promise<void>;
  addDestination(key: ServiceKey, input: DestinationInput): Promise<void>;
  editDestination(key: ServiceKey, input: DestinationInput): Promise<void>;
  setTraffic(key: ServiceKey, profile: TrafficProfile): void;
  warmUp(ms: number): void;
}

export async function createDemoTable(backend: DemoTarget): Promise<void> {
  for (const demo of demoServices) {
    await backend.addService(demo.service);
    for (const server of demo.servers) await backend.addDestination(demo.service, server);
    backend.setTraffic(demo.service, demo.traffic);
  }
  backend.warmUp(QUIESCE_AFTER_MS);
  await backend.editDestination(DEMO_WEB, DEMO_QUIESCED);
  backend.warmUp(WARM_UP_MS - QUIESCE_AFTER_MS);
}
