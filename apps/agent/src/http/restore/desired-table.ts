import type { DestinationInput, ServiceInput, ServiceWithDestinations } from '@ipvs-dashboard/shared';

/** A whole table as configuration only (no counters): what a restore file describes. */
export interface DesiredService {
  service: ServiceInput;
  destinations: DestinationInput[];
}

export function serviceInputOf(s: ServiceWithDestinations): ServiceInput {
  const settings = {
    scheduler: s.scheduler,
    schedulerFlags: s.schedulerFlags,
    persistence: s.persistence,
    netmask: s.netmask,
    persistenceEngine: s.persistenceEngine,
    onePacket: s.onePacket,
  };
  return { ...s.key, ...settings };
}

export function destinationInputOf(d: DestinationInput): DestinationInput {
  return {
    address: d.address,
    port: d.port,
    forwarding: d.forwarding,
    weight: d.weight,
    upperThreshold: d.upperThreshold,
    lowerThreshold: d.lowerThreshold,
    tunnelType: d.tunnelType,
    tunnelPort: d.tunnelPort,
    tunnelChecksum: d.tunnelChecksum,
  };
}

/** The configuration part of a live table, e.g. to roll back to. */
export function desiredFromTable(table: readonly ServiceWithDestinations[]): DesiredService[] {
  return table.map((s) => ({
    service: serviceInputOf(s),
    destinations: s.destinations.map(destinationInputOf),
  }));
}
