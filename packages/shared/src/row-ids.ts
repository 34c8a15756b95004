// Ids of table rows, computed once per row object. Formatting an id parses and canonicalises an address:
// for 11,000 rows every second that was most of the agent's diff and sample cost and ~15 ms of the page's
// main thread. A row's id never changes while the row lives, and backends hand out the very same row (and
// key) objects while nothing in a row changed (IpvsBackend.snapshot), so ids are remembered per object.
import { destinationId, serviceId } from './ids.js';
import type { DestinationKey, ServiceKey } from './model.js';

const serviceIds = new WeakMap<ServiceKey, string>();
const destinationIds = new WeakMap<DestinationKey, string>();

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
export function destinationIdOf(row: DestinationKey): string {
  let id = destinationIds.get(row);
  if (id === undefined) {
    id = destinationId(row);
    destinationIds.set(row, id);
  }
  return id;
}

/** A copy of a real server row keeps the id of the row it replaces. */
export function rememberDestinationId(copy: DestinationKey, id: string): void {
  destinationIds.set(copy, id);
}
