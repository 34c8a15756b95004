// The rows snapshot() returns, reused while nothing in them moved (the IpvsBackend.snapshot contract: the
// same object means the same row, so the monitor skips it). A real server's row is rebuilt when its settings,
// connection gauges or stats changed; a service's when its own settings or stats did, or any of its rows.
// The last row is kept on the simulated object itself: a WeakMap lookup per row per second cost more.
import {
  serviceRowWith,
  type Destination,
  type ServiceWithDestinations,
  type Stats,
} from '@ipvs-dashboard/shared';
import type { ServiceRow, SimDestination, SimService } from './sim-state.js';
import { viewDestination, viewService } from './sim-state.js';

function sameDestinationRow(row: Destination, dest: SimDestination, stats: Stats): boolean {
  const settings = dest.settings;
  return (
    row.stats === stats &&
    row.activeConns === dest.activeConns &&
    row.inactiveConns === dest.inactiveConns &&
    row.persistentConns === dest.persistentConns &&
    row.overloaded === dest.overloaded &&
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

/**
 * The snapshot row of a real server: the last one while nothing in it moved. `revised`: the service's
 * revision moved (a settings change somewhere in it), so the settings are compared too.
 */
export function destinationRow(dest: SimDestination, revised: boolean): Destination {
  const cached = dest.snapshotRow;
  // Neither gauges nor published stats moved (dest-load.ts, the estimator), nor any settings: no need to
  // look further. This is what keeps an idle row cheap: one flag instead of five objects.
  if (cached && dest.moved === false && !revised) return cached;
  dest.moved = false;
  const stats = dest.stats.read();
  if (cached && sameDestinationRow(cached, dest, stats)) return cached;
  return (dest.snapshotRow = viewDestination(dest));
}

/** The snapshot row of a service with its real servers (`sorted`: in ipvsadm order). */
export function serviceRow(svc: SimService, sorted: readonly SimDestination[]): ServiceWithDestinations {
  const cached = svc.snapshotRow;
  const revised = cached?.revision !== svc.revision;
  let moved = revised || svc.moved !== false;
  for (const dest of sorted) {
    const before = dest.snapshotRow;
    if (destinationRow(dest, revised) !== before) moved = true;
  }
  if (cached && !moved) return cached.row;
  svc.moved = false;
  const stats = svc.stats.read();
  if (cached && sameServiceRow(cached, svc, stats, sorted)) {
    cached.revision = svc.revision;
    return cached.row;
  }
  // The key never changes while the service lives: one copy for all its rows.
  const view = viewService(svc);
  view.key = cached?.row.key ?? view.key;
  const destinations = sorted.map((dest) => dest.snapshotRow!);
  // Field by field, not `{ ...view, destinations }` (row-copies.ts in shared says why).
  const row = serviceRowWith(view, view.stats, destinations);
  const { revision, scheduler, flagBits, persistence, netmask, persistenceEngine } = svc;
  svc.snapshotRow = { row, revision, scheduler, flagBits, persistence, netmask, persistenceEngine };
  return row;
}
