import type { Destination, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { destinationId, serviceId } from '@ipvs-dashboard/shared';

// Ids are formatted from addresses (parse, canonicalise), which for 11,000 rows every second was ~15 ms of the
// page's main thread (bench:ui). A row's id never changes while the row lives, so it is remembered per object:
// service keys survive merges as they are, and a merged destination inherits the id of the one it replaces.
const serviceIds = new WeakMap<object, string>();
const destinationIds = new WeakMap<object, string>();

export function serviceIdOf(service: ServiceWithDestinations): string {
  let id = serviceIds.get(service.key);
  if (id === undefined) {
    id = serviceId(service.key);
    serviceIds.set(service.key, id);
  }
  return id;
}

export function destinationIdOf(destination: Destination): string {
  let id = destinationIds.get(destination);
  if (id === undefined) {
    id = destinationId(destination);
    destinationIds.set(destination, id);
  }
  return id;
}

/** A copy of a real server row keeps the id of the row it replaces. */
export function rememberDestinationId(copy: Destination, id: string): void {
  destinationIds.set(copy, id);
}
