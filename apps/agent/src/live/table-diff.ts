import { destinationIdOf, serviceIdOf } from '@ipvs-dashboard/shared';
import type { Destination, ServiceWithDestinations, Stats, Change } from '@ipvs-dashboard/shared';

/** The settings a user sets; counters and connection numbers move on their own. */
function sameServiceSettings(a: ServiceWithDestinations, b: ServiceWithDestinations): boolean {
  return (
    a.scheduler === b.scheduler &&
    a.persistence === b.persistence &&
    a.netmask === b.netmask &&
    a.persistenceEngine === b.persistenceEngine &&
    a.onePacket === b.onePacket &&
    a.schedulerFlags.length === b.schedulerFlags.length &&
    a.schedulerFlags.every((flag) => b.schedulerFlags.includes(flag))
  );
}

function sameDestinationSettings(a: Destination, b: Destination): boolean {
  return (
    a.forwarding === b.forwarding &&
    a.weight === b.weight &&
    a.upperThreshold === b.upperThreshold &&
    a.lowerThreshold === b.lowerThreshold &&
    a.tunnelType === b.tunnelType &&
    a.tunnelPort === b.tunnelPort &&
    a.tunnelChecksum === b.tunnelChecksum
  );
}

/** Counters only fall when zeroed (ipvsadm -Z); a rise in any one is ordinary traffic. */
function countersFell(before: Stats, after: Stats): boolean {
  return (
    after.conns < before.conns ||
    after.inPackets < before.inPackets ||
    after.outPackets < before.outPackets ||
    after.inBytes < before.inBytes ||
    after.outBytes < before.outBytes
  );
}

/**
 * Pairs each row of `after` with the row of `before` that has its identity: usually the one at the same
 * index (both lists are in ipvsadm order and rarely change, and `sameKey` compares without formatting an
 * id), else found by id through a map built only when needed. Rows that are the very same objects are
 * skipped: nothing in them changed (IpvsBackend.snapshot). Returns the ids of `before` left unpaired.
 */
function pairRows<R extends object>(
  before: readonly R[],
  after: readonly R[],
  keys: { idOf: (row: R) => string; sameKey: (a: R, b: R) => boolean },
  each: (row: R, previous: R | undefined) => void,
): string[] {
  let byId: Map<string, R> | null = null;
  let paired = 0;
  for (let i = 0; i < after.length; i++) {
    const row = after[i] as R;
    const atIndex = before[i];
    if (atIndex === row) {
      paired++;
      continue;
    }
    let previous = atIndex !== undefined && keys.sameKey(atIndex, row) ? atIndex : undefined;
    if (!previous) {
      byId ??= new Map(before.map((r) => [keys.idOf(r), r]));
      previous = byId.get(keys.idOf(row));
    }
    if (previous) paired++;
    each(row, previous);
  }
  if (paired === before.length) return [];
  const present = new Set(after.map(keys.idOf));
  return before.map(keys.idOf).filter((id) => !present.has(id));
}

const serviceKeys = {
  idOf: serviceIdOf,
  sameKey: (a: ServiceWithDestinations, b: ServiceWithDestinations) =>
    a.key === b.key || serviceIdOf(a) === serviceIdOf(b),
};
const destinationKeys = {
  idOf: destinationIdOf,
  sameKey: (a: Destination, b: Destination) => a.address === b.address && a.port === b.port,
};

function diffDestinations(
  sid: string,
  before: ServiceWithDestinations,
  after: ServiceWithDestinations,
  changes: Change[],
): void {
  if (before.destinations === after.destinations) return;
  const removed = pairRows(before.destinations, after.destinations, destinationKeys, (dest, previous) => {
    if (!previous)
      changes.push({ kind: 'destination-added', service: sid, destination: destinationIdOf(dest) });
    else if (!sameDestinationSettings(previous, dest)) {
      changes.push({ kind: 'destination-changed', service: sid, destination: destinationIdOf(dest) });
    }
  });
  for (const did of removed) changes.push({ kind: 'destination-removed', service: sid, destination: did });
}

/**
 * What changed between two readings of the table. A table of several services emptied at once is one
 * `cleared` (ipvsadm -C; one removed service is just that), and
 * counters that fell on a surviving service are one `zeroed` per service (or one without id if all fell).
 * Rows that are the same objects in both readings are skipped: the backend reuses unchanged rows.
 */
export function diffTables(
  before: readonly ServiceWithDestinations[],
  after: readonly ServiceWithDestinations[],
): Change[] {
  if (before.length > 1 && after.length === 0) return [{ kind: 'cleared' }];
  const changes: Change[] = [];
  const zeroed: string[] = [];
  const removed = pairRows(before, after, serviceKeys, (service, previous) => {
    const sid = serviceIdOf(service);
    if (!previous) {
      changes.push({ kind: 'service-added', service: sid });
      return;
    }
    if (!sameServiceSettings(previous, service)) changes.push({ kind: 'service-changed', service: sid });
    diffDestinations(sid, previous, service, changes);
    if (countersFell(previous.stats, service.stats)) zeroed.push(sid);
  });
  for (const sid of removed) changes.push({ kind: 'service-removed', service: sid });
  if (zeroed.length > 0 && zeroed.length === after.length && after.length > 1)
    changes.push({ kind: 'zeroed' });
  else for (const sid of zeroed) changes.push({ kind: 'zeroed', service: sid });
  return changes;
}
