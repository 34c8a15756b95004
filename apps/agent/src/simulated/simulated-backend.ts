// SimulatedBackend: IpvsBackend over the in-memory kernel model, for machines without IPVS and for demos.
// Same errors, ordering and defaults as the kernel client; see sim-table.ts for the rules.
import type {
  Connection,
  Destination,
  DestinationInput,
  DestinationKey,
  IpvsInfo,
  KernelSetting,
  Service,
  ServiceInput,
  ServiceKey,
  ServiceSettings,
  ServiceWithDestinations,
  SyncDaemon,
  SyncDaemonInput,
  SyncDaemonState,
  Timeouts,
  Totals,
} from '@ipvs-dashboard/shared';
import type { BackendKind, IpvsBackend } from '../ipvs/backend.js';
import { SIMULATED_SCHEDULERS } from './input-checks.js';
import { KernelSettings } from './kernel-settings.js';
import { viewDestination, viewService } from './sim-state.js';
import { SimTable } from './sim-table.js';
import { StatsEstimator } from './stats-estimator.js';
import { DEFAULT_INTERFACES, SyncDaemons } from './sync-daemons.js';
import type { SimInterface } from './sync-daemons.js';
import { applyTimeouts, DEFAULT_TIMEOUTS } from './timeouts.js';

/** IP_VS_VERSION_CODE 0x010201 and the default connection table size 2^12 (ip_vs_conn.c). */
const INFO: IpvsInfo = { version: '1.2.1', connTableSize: 4096 };

export interface SimulatedBackendOptions {
  /** Interfaces a sync daemon may bind to (default lo and eth0). */
  interfaces?: readonly SimInterface[];
}

export class SimulatedBackend implements IpvsBackend {
  readonly kind: BackendKind = 'simulated';
  protected readonly table = new SimTable();
  protected readonly totalStats = new StatsEstimator();
  protected readonly settings = new KernelSettings();
  protected readonly daemons: SyncDaemons;
  private timeouts: Timeouts = { ...DEFAULT_TIMEOUTS };

  constructor(options: SimulatedBackendOptions = {}) {
    this.daemons = new SyncDaemons(options.interfaces ?? DEFAULT_INTERFACES);
  }

  info(): Promise<IpvsInfo> {
    return Promise.resolve({ ...INFO });
  }

  schedulers(): Promise<string[]> {
    return Promise.resolve([...SIMULATED_SCHEDULERS]);
  }

  listServices(): Promise<Service[]> {
    return this.run(() => this.table.list().map(viewService));
  }

  getService(key: ServiceKey): Promise<Service> {
    return this.run(() => viewService(this.table.find(key)));
  }

  addService(input: ServiceInput): Promise<void> {
    return this.run(() => void this.table.add(input));
  }

  editService(key: ServiceKey, settings: ServiceSettings): Promise<void> {
    return this.run(() => void this.table.edit(key, settings));
  }

  deleteService(key: ServiceKey): Promise<void> {
    return this.run(() => this.afterServiceRemoved(this.table.delete(key).id));
  }

  listDestinations(key: ServiceKey): Promise<Destination[]> {
    return this.run(() => this.table.sortedDestinations(this.table.find(key)).map(viewDestination));
  }

  addDestination(key: ServiceKey, input: DestinationInput): Promise<void> {
    return this.run(() => void this.table.addDestination(key, input, this.daemons.isRunning));
  }

  editDestination(key: ServiceKey, input: DestinationInput): Promise<void> {
    return this.run(() => void this.table.editDestination(key, input, this.daemons.isRunning));
  }

  deleteDestination(key: ServiceKey, dest: DestinationKey): Promise<void> {
    return this.run(() => void this.table.deleteDestination(key, dest));
  }

  snapshot(): Promise<ServiceWithDestinations[]> {
    return this.run(() =>
      this.table.list().map((svc) => ({
        ...viewService(svc),
        destinations: this.table.sortedDestinations(svc).map(viewDestination),
      })),
    );
  }

  totals(): Promise<Totals> {
    return this.run(() => this.totalStats.read());
  }

  clear(): Promise<void> {
    return this.run(() => {
      for (const svc of this.table.clear()) this.afterServiceRemoved(svc.id);
    });
  }

  zero(key?: ServiceKey): Promise<void> {
    return this.run(() => {
      const services = key ? [this.table.find(key)] : this.table.list();
      for (const svc of services) {
        svc.stats.zero();
        for (const dest of svc.destinations) dest.stats.zero();
      }
      if (!key) this.totalStats.zero();
    });
  }

  getTimeouts(): Promise<Timeouts> {
    return this.run(() => ({ ...this.timeouts }));
  }

  setTimeouts(timeouts: Timeouts): Promise<void> {
    return this.run(() => {
      this.timeouts = applyTimeouts(this.timeouts, timeouts);
    });
  }

  /** Current timeouts, for the traffic model's connection lifetimes. */
  protected currentTimeouts(): Timeouts {
    return this.timeouts;
  }

  listDaemons(): Promise<SyncDaemon[]> {
    return this.run(() => this.daemons.list());
  }

  startDaemon(input: SyncDaemonInput): Promise<void> {
    return this.run(() => this.daemons.start(input, this.table.hasMixedFamilies()));
  }

  stopDaemon(state: SyncDaemonState): Promise<void> {
    return this.run(() => this.daemons.stop(state));
  }

  connections(): Promise<Connection[]> {
    return this.run(() => this.listConnections());
  }

  kernelSettings(): Promise<KernelSetting[]> {
    return this.run(() => this.settings.list());
  }

  setKernelSetting(name: string, value: number): Promise<void> {
    return this.run(() => this.settings.set(name, value));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** The /proc/net/ip_vs_conn view; the traffic model overrides it. */
  protected listConnections(): Connection[] {
    return [];
  }

  /** Hook for the traffic model: a service and its real servers are gone. */
  protected afterServiceRemoved(id: string): void {
    void id;
  }

  /** Runs a synchronous kernel operation as a promise, turning throws into rejections. */
  private run<T>(operation: () => T): Promise<T> {
    try {
      return Promise.resolve(operation());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
