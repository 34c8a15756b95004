// The simulated kernel's service table: ip_vs_ctl.c's add/edit/delete rules and errors, synchronous and
// in memory. Identity is (family, protocol, address, port) or (family, fwmark), as the kernel hashes it.
import { sortDestinationsLikeIpvsadm, sortServicesLikeIpvsadm } from '@ipvs-dashboard/shared';
import { AppError, editClearsOverload, serviceId } from '@ipvs-dashboard/shared';
import type {
  DestinationInput,
  DestinationKey,
  ServiceInput,
  ServiceKey,
  ServiceSettings,
} from '@ipvs-dashboard/shared';
import type { CheckedDestination } from './input-checks.js';
import {
  checkDestination,
  checkDestinationKey,
  checkServiceKey,
  checkServiceSettings,
} from './input-checks.js';
import { mergeDestination, mergeServiceSettings } from '../ipvs/backend/read-modify-write.js';
import { viewDestination, viewService } from './sim-state.js';
import type { SimDestination, SimService } from './sim-state.js';
import { StatsEstimator } from './stats-estimator.js';

function destinationKeyOf(dest: { address: string; port: number }): string {
  return `${dest.address}|${dest.port}`;
}

/** IP_VS_DEST_TRASH_PERIOD: a deleted real server nobody refers to any more is freed after 120 s. */
const TRASH_PERIOD_MS = 120_000;

interface Trashed {
  dest: SimDestination;
  deletedAt: number;
}

export class SimTable {
  private readonly services = new Map<string, SimService>();
  /**
   * Deleted real servers by service id and address (ip_vs_ctl.c ip_vs_trash_put_dest): re-adding one to the
   * same service revives it with its counters and the connections still bound to it. Seen in the UML guest.
   */
  private readonly trash = new Map<string, Trashed>();
  /** ipvsadm order, sorted again only after a service came or went (snapshot() lists it every second). */
  private sorted: readonly SimService[] | null = null;
  private readonly sortedDests = new WeakMap<SimService, { revision: number; list: SimDestination[] }>();

  /** `now` is the simulated time in ms, for the trash period. */
  constructor(private readonly now: () => number = () => 0) {}

  /** Services in no particular order (the traffic model's hot path). */
  all(): IterableIterator<SimService> {
    return this.services.values();
  }

  /** Services in ipvsadm's sort order, computed by the same code the kernel client uses. */
  list(): readonly SimService[] {
    return (this.sorted ??= sortServicesLikeIpvsadm([...this.services.values()]));
  }

  /**
   * Real servers of a service in ipvsadm's sort order (the kernel list itself stays newest first), sorted
   * again only when the service's revision moved (every change of it or its real servers bumps it).
   */
  sortedDestinations(svc: SimService): readonly SimDestination[] {
    const cached = this.sortedDests.get(svc);
    if (cached?.revision === svc.revision) return cached.list;
    const list = sortDestinationsLikeIpvsadm(svc.destinations);
    this.sortedDests.set(svc, { revision: svc.revision, list });
    return list;
  }

  find(key: ServiceKey): SimService {
    const { key: checked } = checkServiceKey(key);
    const svc = this.services.get(serviceId(checked));
    // -ESRCH from ip_vs_genl_set_cmd / ip_vs_genl_get_cmd.
    if (!svc) throw new AppError('SERVICE_NOT_FOUND', `Service ${serviceId(checked)} is not defined.`);
    return svc;
  }

  add(input: ServiceInput): SimService {
    const { key, family } = checkServiceKey(input);
    const settings = checkServiceSettings(input, family);
    const id = serviceId(key);
    if (this.services.has(id)) throw new AppError('SERVICE_EXISTS', `Service ${id} already exists.`);
    // Field by field, not `...settings`: every service then shares one hidden class (row-copies.ts in shared says why).
    const svc: SimService = {
      id,
      key,
      family,
      scheduler: settings.scheduler,
      flagBits: settings.flagBits,
      persistence: settings.persistence,
      netmask: settings.netmask,
      persistenceEngine: settings.persistenceEngine,
      destinations: [],
      stats: new StatsEstimator(),
      revision: 0,
      snapshotRow: undefined,
      moved: true,
    };
    this.services.set(id, svc);
    this.sorted = null;
    return svc;
  }

  /** A full replacement in the kernel; fields the caller left out keep their values, as in the kernel client. */
  edit(key: ServiceKey, settings: Partial<ServiceSettings>): SimService {
    const svc = this.find(key);
    const merged = mergeServiceSettings(svc.key, viewService(svc), settings);
    Object.assign(svc, checkServiceSettings(merged, svc.family));
    svc.revision++;
    return svc;
  }

  delete(key: ServiceKey): SimService {
    const svc = this.find(key);
    this.services.delete(svc.id);
    this.sorted = null;
    for (const dest of svc.destinations) this.putInTrash(svc, dest);
    return svc;
  }

  clear(): SimService[] {
    const removed = [...this.services.values()];
    for (const svc of removed) this.delete(svc.key);
    return removed;
  }

  findDestination(svc: SimService, key: DestinationKey): SimDestination {
    const wanted = destinationKeyOf(checkDestinationKey(key));
    const dest = svc.destinations.find((d) => destinationKeyOf(d) === wanted);
    // -ENOENT from ip_vs_edit_dest / ip_vs_del_dest.
    if (!dest) {
      throw new AppError(
        'DESTINATION_NOT_FOUND',
        `Real server ${key.address}:${key.port} is not in ${svc.id}.`,
      );
    }
    return dest;
  }

  addDestination(key: ServiceKey, input: DestinationInput, syncRunning: boolean): SimDestination {
    const svc = this.find(key);
    const checked = checkDestination(input, svc.family, syncRunning);
    if (svc.destinations.some((d) => destinationKeyOf(d) === destinationKeyOf(checked))) {
      throw new AppError(
        'DESTINATION_EXISTS',
        `Real server ${input.address}:${input.port} is already in ${svc.id}.`,
      );
    }
    const revived = this.takeFromTrash(svc, checked);
    if (revived) return revived;
    // Field by field, not `...checked`: a spread gave each of 10,000 real servers a hidden class of its own,
    // and every read of them in the traffic model and the snapshot missed its inline cache (row-copies.ts in shared).
    const dest: SimDestination = {
      address: checked.address,
      port: checked.port,
      family: checked.family,
      settings: checked.settings,
      lastWeight: checked.settings.weight,
      activeConns: 0,
      inactiveConns: 0,
      persistentConns: 0,
      overloaded: false,
      available: true,
      failing: false,
      stats: new StatsEstimator(),
      snapshotRow: undefined,
      moved: true,
    };
    svc.destinations.unshift(dest);
    svc.revision++;
    return dest;
  }

  /** Like edit(): the real server is found first, then missing fields are taken from it and all is checked. */
  editDestination(key: ServiceKey, input: DestinationInput, syncRunning: boolean): SimDestination {
    const svc = this.find(key);
    const dest = this.findDestination(svc, input);
    const checked = checkDestination(mergeDestination(viewDestination(dest), input), svc.family, syncRunning);
    // ip_vs_ctl.c __ip_vs_update_dest: raising or removing the upper threshold clears the overload flag.
    if (editClearsOverload(dest.settings.upperThreshold, checked.settings.upperThreshold)) {
      dest.overloaded = false;
    }
    dest.settings = checked.settings;
    if (checked.settings.weight > 0) dest.lastWeight = checked.settings.weight;
    svc.revision++;
    return dest;
  }

  deleteDestination(key: ServiceKey, destKey: DestinationKey): SimDestination {
    const svc = this.find(key);
    const dest = this.findDestination(svc, destKey);
    svc.destinations = svc.destinations.filter((d) => d !== dest);
    this.putInTrash(svc, dest);
    svc.revision++;
    return dest;
  }

  private putInTrash(svc: SimService, dest: SimDestination): void {
    dest.available = false;
    this.emptyTrash();
    this.trash.set(`${svc.id}|${destinationKeyOf(dest)}`, { dest, deletedAt: this.now() });
  }

  /** A trashed real server of this service comes back with the new settings (ip_vs_trash_get_dest). */
  private takeFromTrash(svc: SimService, checked: CheckedDestination): SimDestination | null {
    this.emptyTrash();
    const key = `${svc.id}|${destinationKeyOf(checked)}`;
    const trashed = this.trash.get(key);
    if (!trashed) return null;
    this.trash.delete(key);
    const dest = trashed.dest;
    dest.settings = checked.settings;
    if (checked.settings.weight > 0) dest.lastWeight = checked.settings.weight;
    dest.available = true;
    svc.destinations.unshift(dest);
    svc.revision++;
    return dest;
  }

  /** Frees real servers deleted over the trash period ago that no connection or template refers to. */
  private emptyTrash(): void {
    const now = this.now();
    for (const [key, { dest, deletedAt }] of this.trash) {
      const referenced = dest.activeConns + dest.inactiveConns + dest.persistentConns > 0;
      if (!referenced && now - deletedAt >= TRASH_PERIOD_MS) this.trash.delete(key);
    }
  }

  /** True when any real server's family differs from its service's (sync daemons refuse then). */
  hasMixedFamilies(): boolean {
    return [...this.services.values()].some((svc) => svc.destinations.some((d) => d.family !== svc.family));
  }
}
