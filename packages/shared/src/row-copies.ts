// Copies of table rows with new numbers, written field by field. Not `{ ...row, stats }`: once a spread's
// call site has seen a few shapes, V8 gives each copy a hidden class of its own (CloneObjectIC's copied
// descriptors, detached from the transition tree), and every later read of thousands of such rows a second
// misses its inline caches. In the agent that was a fifth of its CPU (docs/benchmarks/ws.md, session 3).
import type { HealthStatus } from './health/health-status.js';
import type { Hold } from './holds.js';
import type { DrainProgress } from './drain/drain-progress.js';
import type { RampStatus } from './policy/service-policy.js';
import type { Destination, Service, ServiceWithDestinations, Stats } from './model.js';

/** `service` (a row or a bare service) with other stats and real servers; every other field as it was. */
export function serviceRowWith(
  service: Service,
  stats: Stats,
  destinations: Destination[],
): ServiceWithDestinations {
  return {
    key: service.key,
    family: service.family,
    scheduler: service.scheduler,
    schedulerFlags: service.schedulerFlags,
    persistence: service.persistence,
    netmask: service.netmask,
    persistenceEngine: service.persistenceEngine,
    onePacket: service.onePacket,
    stats,
    destinations,
  };
}

/** The numbers of a real server that move between snapshots. */
export interface DestinationGauges {
  stats: Stats;
  activeConns: number;
  inactiveConns: number;
  persistentConns: number;
  overloaded: boolean;
  /** What the agent adds to every row (model.ts); they move between snapshots too. */
  holds: Hold[] | undefined;
  health: HealthStatus | undefined;
  drain: DrainProgress | null | undefined;
  /** Only while it ramps (slow start) / only on the sorry server. */
  ramp?: RampStatus | undefined;
  sorryServer?: boolean | undefined;
}

/** `destination` with other stats and connection gauges; its settings as they were. */
export function destinationWith(destination: Destination, numbers: DestinationGauges): Destination {
  const copy: Destination = {
    address: destination.address,
    port: destination.port,
    family: destination.family,
    forwarding: destination.forwarding,
    weight: destination.weight,
    upperThreshold: destination.upperThreshold,
    lowerThreshold: destination.lowerThreshold,
    tunnelType: destination.tunnelType,
    tunnelPort: destination.tunnelPort,
    tunnelChecksum: destination.tunnelChecksum,
    activeConns: numbers.activeConns,
    inactiveConns: numbers.inactiveConns,
    persistentConns: numbers.persistentConns,
    overloaded: numbers.overloaded,
    stats: numbers.stats,
    holds: numbers.holds,
    health: numbers.health,
    drain: numbers.drain,
  };
  if (numbers.ramp) copy.ramp = numbers.ramp;
  if (numbers.sorryServer) copy.sorryServer = true;
  return copy;
}
