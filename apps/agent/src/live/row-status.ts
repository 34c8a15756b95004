// What the agent knows of a real server beyond the kernel's row (its holds, health and drain, shared model.ts),
// as the live feed needs it: whoever keeps it (holds/row-status.ts) says which rows changed, and the hub
// puts them in the next sample and every snapshot.
import {
  destinationIdOf,
  serviceIdOf,
  type DestinationSample,
  type DrainProgress,
  type HealthStatus,
  type Hold,
  type RampStatus,
  type SampleMessage,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';

export interface RealServerStatus {
  holds: Hold[];
  health: HealthStatus;
  /** Its running drain's progress, null when none. */
  drain: DrainProgress | null;
  /** Its slow-start ramp; null when it is not ramping (a sample says the ramp ended). */
  ramp?: RampStatus | null;
  sorryServer?: boolean;
}

export interface RowStatusSource {
  /** The table with each real server's status added (new row objects; the table is not touched). */
  decorateTable(table: readonly ServiceWithDestinations[]): ServiceWithDestinations[];
  statusOf(serviceId: string, destinationId: string): RealServerStatus;
  /** "<service id> <destination id>" of the real servers whose status changed since the last call. */
  takeChanged(): string[];
}

function entryOf(services: SampleMessage['services'], sid: string, did: string): DestinationSample {
  let service = services.find((s) => s.id === sid);
  if (!service) {
    service = { id: sid, destinations: [] };
    services.push(service);
  }
  let dest = service.destinations.find((d) => d.id === did);
  if (!dest) {
    dest = { id: did };
    service.destinations.push(dest);
  }
  return dest;
}

/**
 * Adds the status of the real servers in `changed` to a freshly built sample (it owns its entries), and in
 * a full sample the status of every real server it lists. Only real servers of the sampled table count.
 */
export function addStatusToSample(
  message: SampleMessage,
  changed: readonly string[],
  source: RowStatusSource,
  table: readonly ServiceWithDestinations[],
): SampleMessage {
  if (message.full) {
    for (const service of message.services) {
      for (const dest of service.destinations) Object.assign(dest, source.statusOf(service.id, dest.id));
    }
    return message;
  }
  if (changed.length === 0) return message;
  const inTable = new Map<string, Set<string>>();
  for (const service of table) {
    inTable.set(serviceIdOf(service), new Set(service.destinations.map(destinationIdOf)));
  }
  for (const key of new Set(changed)) {
    const space = key.indexOf(' ');
    const sid = key.slice(0, space);
    const did = key.slice(space + 1);
    if (!inTable.get(sid)?.has(did)) continue;
    Object.assign(entryOf(message.services, sid, did), source.statusOf(sid, did));
  }
  return message;
}
