// The simulated kernel's objects (struct ip_vs_service / ip_vs_dest in spirit) and their read views.
import { IP_VS_SVC_F_ONEPACKET } from '@ipvs-dashboard/shared';
import type {
  AddressFamily,
  Destination,
  DestinationSettings,
  Service,
  ServiceKey,
  ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { schedulerFlagsFromKernel } from '@ipvs-dashboard/shared';
import { StatsEstimator } from './stats-estimator.js';

export interface SimDestination {
  address: string;
  port: number;
  family: AddressFamily;
  settings: DestinationSettings;
  /** The last non-zero weight (ip_vs_dest last_weight): mh keeps a quiesced server's table slots. */
  lastWeight: number;
  activeConns: number;
  inactiveConns: number;
  persistentConns: number;
  /** IP_VS_DEST_F_OVERLOAD: set/cleared by the threshold rules of shared overload.ts (traffic/dest-load.ts). */
  overloaded: boolean;
  /** IP_VS_DEST_F_AVAILABLE: cleared when the real server is deleted. */
  available: boolean;
  /**
   * The simulated server behind it is down (simulated-failure.ts): its connections are refused at once and
   * its simulated health check fails. Not a kernel flag: the kernel knows nothing of a server's health.
   */
  failing: boolean;
  stats: StatsEstimator;
  /** The row the last snapshot returned for it (snapshot-rows.ts), reused while nothing in it moved. */
  snapshotRow: Destination | undefined;
  /** Its gauges or published stats moved since that snapshot (settings changes bump the service's revision). */
  moved: boolean;
}

export interface SimService {
  id: string;
  key: ServiceKey;
  family: AddressFamily;
  scheduler: string;
  /** IP_VS_SVC_F_* bits other than PERSISTENT/HASHED: ONEPACKET and SCHED1..3. */
  flagBits: number;
  persistence: number;
  netmask: string;
  persistenceEngine: string | null;
  /** Newest first, as the kernel's svc->destinations list (list_add in __ip_vs_update_dest). */
  destinations: SimDestination[];
  stats: StatsEstimator;
  /** Bumped on every change of the service or its real servers: schedulers rebuild their tables then. */
  revision: number;
  /** The row the last snapshot returned for it and the settings it was built from (snapshot-rows.ts). */
  snapshotRow: ServiceRow | undefined;
  /** Its published stats moved since that snapshot. */
  moved: boolean;
}

export interface ServiceRow {
  row: ServiceWithDestinations;
  /** The service's revision the row was built at: any settings change of it or its real servers bumps it. */
  revision: number;
  scheduler: string;
  /** IP_VS_SVC_F_* bits: scheduler flags and one-packet. */
  flagBits: number;
  persistence: number;
  netmask: string;
  persistenceEngine: string | null;
}

export function viewService(svc: SimService): Service {
  return {
    key: { ...svc.key },
    family: svc.family,
    scheduler: svc.scheduler,
    schedulerFlags: schedulerFlagsFromKernel(svc.scheduler, svc.flagBits),
    persistence: svc.persistence,
    netmask: svc.netmask,
    persistenceEngine: svc.persistenceEngine,
    onePacket: (svc.flagBits & IP_VS_SVC_F_ONEPACKET) !== 0,
    stats: svc.stats.read(),
  };
}

export function viewDestination(dest: SimDestination): Destination {
  const settings = dest.settings;
  return {
    address: dest.address,
    port: dest.port,
    family: dest.family,
    forwarding: settings.forwarding,
    weight: settings.weight,
    upperThreshold: settings.upperThreshold,
    lowerThreshold: settings.lowerThreshold,
    tunnelType: settings.tunnelType,
    tunnelPort: settings.tunnelPort,
    tunnelChecksum: settings.tunnelChecksum,
    activeConns: dest.activeConns,
    inactiveConns: dest.inactiveConns,
    persistentConns: dest.persistentConns,
    overloaded: dest.overloaded,
    stats: dest.stats.read(),
  };
}
