// A drain's view of a reading: the real server's row, its counts, and its progress as the API shows it.
import {
  declinePerSecond,
  destinationId,
  estimateEnd,
  leftOf,
  sameDestinationKey,
  serviceId,
  serviceIdOf,
  type ServiceKey,
  type Destination,
  type DestinationKey,
  type DrainCounts,
  type DrainPoint,
  type DrainProgress,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { HoldStore, type DrainRecord } from '../state/index.js';

/** The kernel's own counts of the real server (ipvsadm ActiveConn, InActConn, PersistConn = its templates). */
export const countsOf = (d: Destination): DrainCounts => ({
  active: d.activeConns,
  inactive: d.inactiveConns,
  templates: d.persistentConns,
});

export function findRow(
  table: readonly ServiceWithDestinations[],
  sid: string,
  dest: DestinationKey,
): Destination | undefined {
  return table.find((s) => serviceIdOf(s) === sid)?.destinations.find((d) => sameDestinationKey(d, dest));
}

/** What GET .../drain, every read and the live samples show of a running drain. */
export function progressOf(
  record: DrainRecord,
  now: DrainCounts,
  points: readonly DrainPoint[],
  updatedAt: number,
): DrainProgress {
  const left = leftOf(now);
  const perSecond = declinePerSecond(points);
  return {
    then: record.then,
    deadlineSeconds: record.deadlineSeconds,
    startedAt: record.startedAt,
    deadlineAt: record.deadlineAt,
    by: record.by,
    atStart: record.atStart,
    now,
    left,
    perSecond,
    ...estimateEnd(left, perSecond, updatedAt, record.deadlineAt),
    updatedAt,
  };
}

/** The key of a real server, as the hold and drain stores use it. */
export function drainKey(service: ServiceKey, dest: DestinationKey): string {
  return HoldStore.key(serviceId(service), destinationId(dest));
}
