// The rows snapshot() returns, reused while nothing in them moved (the IpvsBackend.snapshot contract: the
// same object means the same row, so the monitor skips it). A real server's row is rebuilt when its settings,
// connection gauges or stats changed; a service's when its own settings or stats did, or any of its rows.
import type { Destination, ServiceKey, ServiceWithDestinations, Stats } from '@ipvs-dashboard/shared';
import type { SimDestination, SimService } from './sim-state.js';
import { viewDestination, viewService } from './sim-state.js';

interface ServiceRow {
  row: ServiceWithDestinations;
  /** The service's settings as they were when `row` was built (flagBits covers flags and one-packet). */
  scheduler: string;
  flagBits: number;
  persistence: number;
  netmask: string;
  persistenceEngine: string | null;
}

function sameDestinationRow(row: Destination, dest: SimDestination, stats: Stats): boolean {
  return (
    row.stats === stats &&
    row.activeConns === dest.activeConns &&
    row.inactiveConns === dest.inactiveConns &&
    row.persistentConns === dest.persistentConns &&
    row.forwarding === dest.settings.forwarding &&
    row.weight === dest.settings.weight &&
    row.upperThreshold === dest.settings.upperThreshold &&
    row.lowerThreshold === dest.settings.lowerThreshold &&
    row.tunnelType === dest.settings.tunnelType &&
    row.tunnelPort === dest.settings.tunnelPort &&
    row.tunnelChecksum === dest.settings.tunnelChecksum
  );
}

function sameServiceRow(
  cached: ServiceRow,
  svc: SimService,
  stats: Stats,
  destinations: readonly Destination[],
): boolean {
  const row = cached.row;
  if (row.stats !== stats || row.destinations.length !== destinations.length) return false;
  if (
    cached.scheduler !== svc.scheduler ||
    cached.flagBits !== svc.flagBits ||
    cached.persistence !== svc.persistence ||
    cached.netmask !== svc.netmask ||
    cached.persistenceEngine !== svc.persistenceEngine
  ) {
    return false;
  }
  return destinations.every((dest, i) => row.destinations[i] === dest);
}

export class SnapshotRows {
  private readonly destinations = new WeakMap<SimDestination, Destination>();
  private readonly services = new WeakMap<SimService, ServiceRow>();
  /** One copy of each service key for all its rows: the key never changes while the service lives. */
  private readonly keys = new WeakMap<SimService, ServiceKey>();

  destination(dest: SimDestination): Destination {
    const stats = dest.stats.read();
    const cached = this.destinations.get(dest);
    if (cached && sameDestinationRow(cached, dest, stats)) return cached;
    const row = viewDestination(dest);
    this.destinations.set(dest, row);
    return row;
  }

  /** `sorted`: the service's real servers in ipvsadm order. */
  service(svc: SimService, sorted: readonly SimDestination[]): ServiceWithDestinations {
    const stats = svc.stats.read();
    const destinations = sorted.map((dest) => this.destination(dest));
    const cached = this.services.get(svc);
    if (cached && sameServiceRow(cached, svc, stats, destinations)) return cached.row;
    let key = this.keys.get(svc);
    if (!key) {
      key = viewService(svc).key;
      this.keys.set(svc, key);
    }
    const row: ServiceWithDestinations = { ...viewService(svc), key, destinations };
    const { scheduler, flagBits, persistence, netmask, persistenceEngine } = svc;
    this.services.set(svc, { row, scheduler, flagBits, persistence, netmask, persistenceEngine });
    return row;
  }
}
