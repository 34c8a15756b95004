import { destinationId, serviceId, type Destination, type ServiceKey } from '@ipvs-dashboard/shared';

// Ids of table rows, computed once per row object. Backends hand out the very same row (and key) objects
// while nothing in a row changed (IpvsBackend.snapshot), and formatting an id parses and canonicalises an
// address: for 11,000 rows read every second that was most of the monitor's diff and sample cost.
const serviceIds = new WeakMap<ServiceKey, string>();
const destinationIds = new WeakMap<Destination, string>();

/** serviceId() of a row, remembered per key object (a rebuilt row may keep its key). */
export function serviceIdOf(row: { key: ServiceKey }): string {
  let id = serviceIds.get(row.key);
  if (id === undefined) {
    id = serviceId(row.key);
    serviceIds.set(row.key, id);
  }
  return id;
}

/** destinationId() of a real server row, remembered per row object. */
export function destinationIdOf(row: Destination): string {
  let id = destinationIds.get(row);
  if (id === undefined) {
    id = destinationId(row);
    destinationIds.set(row, id);
  }
  return id;
}
