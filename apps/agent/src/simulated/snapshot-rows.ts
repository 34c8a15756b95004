// The rows snapshot() returns, reused while nothing in them moved (the IpvsBackend.snapshot contract: the
// same object means the same row, so the monitor skips it). A real server's row is rebuilt when its settings,
// connection gauges or stats changed; a service's when its own settings or stats did, or any of its rows.
// The last row is kept on the simulated object itself: a WeakMap lookup per row per second cost more.
import type { Destination, ServiceWithDestinations, Stats } from '@ipvs-dashboard/shared';
import type { ServiceRow, SimDestination, SimService } from './sim-state.js';
import { viewDestination, viewService } from './sim-state.js';

function sameDestinationRow(row: Destination, dest: SimDestination, stats: Stats): boolean {
  const settings = dest.settings;
  return (
    row.stats === stats &&
    row.activeConns === dest.activeConns &&
    row.inactiveConns === dest.inactiveConns &&
    row.persistentConns === dest.persistentConns &&
    row.forwarding === settings.forwarding &&
    row.weight === settings.weight &&
    row.upperThreshold === settings.upperThreshold &&
    row.lowerThreshold === settings.lowerThreshold &&
    row.tunnelType === settings.tunnelType &&
    row.tunnelPort === settings.tunnelPort &&
    row.tunnelChecksum === settings.tunnelChecksum
  );
}

function sameServiceRow(
  cached: ServiceRow,
  svc: SimService,
  stats: Stats,
  sorted: readonly SimDestination[],
) {
  const row = cached.row;
  if (
    row.stats !== stats ||
    row.destinations.length !== sorted.length ||
    cached.scheduler !== svc.scheduler ||
    cached.flagBits !== svc.flagBits ||
    cached.persistence !== svc.persistence ||
    cached.netmask !== svc.netmask ||
    cached.persistenceEngine !== svc.persistenceEngine
  ) {
    return false;
  }
  for (let i = 0; i < sorted.length; i++) {
    if (row.destinations[i] !== sorted[i]!.snapshotRow) return false;
  }
  return true;
}

/** The snapshot row of a real server: the last one while nothing in it moved. */
export function destinationRow(dest: SimDestination): Destination {
  const stats = dest.stats.read();
  const cached = dest.snapshotRow;
  if (cached && sameDestinationRow(cached, dest, stats)) return cached;
  return (dest.snapshotRow = viewDestination(dest));
}

/** The snapshot row of a service with its real servers (`sorted`: in ipvsadm order). */
export function serviceRow(svc: SimService, sorted: readonly SimDestination[]): ServiceWithDestinations {
  const stats = svc.stats.read();
  let rebuilt = false;
  for (const dest of sorted) {
    const before = dest.snapshotRow;
    if (destinationRow(dest) !== before) rebuilt = true;
  }
  const cached = svc.snapshotRow;
  if (cached && !rebuilt && sameServiceRow(cached, svc, stats, sorted)) return cached.row;
  // The key never changes while the service lives: one copy for all its rows.
  const key = cached?.row.key ?? viewService(svc).key;
  const destinations = sorted.map((dest) => dest.snapshotRow!);
  const row: ServiceWithDestinations = { ...viewService(svc), key, destinations };
  const { scheduler, flagBits, persistence, netmask, persistenceEngine } = svc;
  svc.snapshotRow = { row, scheduler, flagBits, persistence, netmask, persistenceEngine };
  return row;
}
