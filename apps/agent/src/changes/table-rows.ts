// The table as a change sees it: services with their settings and real servers, no counters
// (SavableService), read whole or only for the services a change touches.
import {
  AppError,
  destinationId,
  sameDestinationKey,
  serviceId,
  type Destination,
  type DestinationKey,
  type SavableDestination,
  type SavableService,
  type Service,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../ipvs/backend/backend.js';

export function savableDestination(d: SavableDestination | Destination): SavableDestination {
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

export function savableService(
  s: Omit<SavableService, 'destinations'> | Service,
  destinations: readonly (SavableDestination | Destination)[],
): SavableService {
  return {
    key: s.key,
    scheduler: s.scheduler,
    schedulerFlags: s.schedulerFlags,
    persistence: s.persistence,
    netmask: s.netmask,
    persistenceEngine: s.persistenceEngine,
    onePacket: s.onePacket,
    destinations: destinations.map(savableDestination),
  };
}

/** Reading service by service costs a round trip each; past this many, one snapshot is cheaper. */
const oneByOneLimit = 16;

/** The services `keys` names as they are now (absent ones left out), or the whole table for 'all'. */
export async function readRows(
  backend: IpvsBackend,
  keys: readonly ServiceKey[] | 'all',
): Promise<SavableService[]> {
  if (keys === 'all' || keys.length > oneByOneLimit) {
    const table = (await backend.snapshot()).map((s) => savableService(s, s.destinations));
    if (keys === 'all') return table;
    const wanted = new Set(keys.map(serviceId));
    return table.filter((s) => wanted.has(serviceId(s.key)));
  }
  const rows: SavableService[] = [];
  for (const key of keys) {
    try {
      const service = await backend.getService(key);
      rows.push(savableService(service, await backend.listDestinations(key)));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'SERVICE_NOT_FOUND')) throw error;
    }
  }
  return rows;
}

/** The one service a single-service change read, or SERVICE_NOT_FOUND. */
export function theService(before: readonly SavableService[]): SavableService {
  const [service] = before;
  if (!service) throw new AppError('SERVICE_NOT_FOUND');
  return service;
}

/** The real server a single-destination change read, or SERVICE_NOT_FOUND / DESTINATION_NOT_FOUND. */
export function theDestination(before: readonly SavableService[], dest: DestinationKey): SavableDestination {
  const found = theService(before).destinations.find((d) => sameDestinationKey(d, dest));
  if (!found) throw new AppError('DESTINATION_NOT_FOUND');
  return found;
}

/** `10.0.1.2:80 in tcp:10.0.0.1:80`, for change summaries. */
export function realServerLabel(key: ServiceKey, dest: DestinationKey): string {
  return `${destinationId(dest)} in ${serviceId(key)}`;
}
