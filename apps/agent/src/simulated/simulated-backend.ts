// SimulatedBackend: IpvsBackend over the in-memory kernel model, for machines without IPVS and for demos.
// Same errors, ordering and defaults as the kernel client (see sim-table.ts); traffic from traffic-model.ts
// driven by tick(ms) in tests or by start(), a real timer, in the agent.
import type {
  Connection,
  Destination,
  DestinationInput,
  DestinationKey,
  HealthCheckKind,
  IpvsInfo,
  KernelCapabilities,
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
import type { BackendKind, IpvsBackend } from '../ipvs/backend/backend.js';
import { SIMULATED_CAPABILITIES, SIMULATED_SCHEDULERS } from './input-checks.js';
import { KernelSettings } from './kernel-settings.js';
import { viewDestination, viewService } from './sim-state.js';
import { SimTable } from './sim-table.js';
import { serviceRow } from './snapshot-rows.js';
import { StatsEstimator } from './stats-estimator.js';
import { DEFAULT_INTERFACES, SyncDaemons } from './sync-daemons.js';
import type { SimInterface } from './sync-daemons.js';
import { createDemoTable } from './demo-table.js';
import { applyTimeouts, DEFAULT_TIMEOUTS } from './timeouts.js';
import { procRows } from './traffic/proc-rows.js';
import { seededRandom } from './traffic/random.js';
import { TrafficModel } from './traffic/traffic-model.js';
import type { TrafficProfile } from './traffic/traffic-profile.js';

/** IP_VS_VERSION_CODE 0x010201 and the default connection table size 2^12 (ip_vs_conn.c). */
const INFO: IpvsInfo = { version: '1.2.1', connTableSize: 4096 };

export interface SimulatedBackendOptions {
  /** Interfaces a sync daemon may bind to (default lo and eth0). */
  interfaces?: readonly SimInterface[];
  /** Milliseconds clock for start() (default Date.now); the simulation starts at its first reading. */
  now?: () => number;
  /** Seed of the traffic's random numbers: the same seed gives the same traffic. */
  seed?: number;
}

/** How often start()'s timer advances the simulation. */
const DEFAULT_TIMER_MS = 250;
/** After a longer gap (the host slept, the process was stopped) the timer skips ahead instead of replaying. */
const MAX_CATCH_UP_MS = 30_000;

export class SimulatedBackend implements IpvsBackend {
  readonly kind: BackendKind = 'simulated';
  private readonly table = new SimTable(() => this.traffic.now);
  private readonly totalStats = new StatsEstimator();
  private readonly settings = new KernelSettings();
  private readonly daemons: SyncDaemons;
  private readonly traffic: TrafficModel;
  private readonly now: () => number;
  private timeouts: Timeouts = { ...DEFAULT_TIMEOUTS };
  private timer: ReturnType<typeof setInterval> | undefined;
  /** How far simulated time runs ahead of the clock (warm-up), so start() carries on seamlessly. */
  private aheadMs = 0;

  constructor(options: SimulatedBackendOptions = {}) {
    this.daemons = new SyncDaemons(options.interfaces ?? DEFAULT_INTERFACES);
    this.now = options.now ?? Date.now;
    this.traffic = new TrafficModel(
      {
        table: this.table,
        totals: this.totalStats,
        timeouts: () => this.timeouts,
        expireQuiescentTemplate: () => this.settings.value('expire_quiescent_template') === 1,
        expireNodestConn: () => this.settings.value('expire_nodest_conn') === 1,
        random: seededRandom(options.seed ?? 1),
      },
      this.now(),
    );
  }

  /** A backend holding the demo table (demo-table.ts), its traffic already warmed up; call start() to run it. */
  static async withDemo(options: SimulatedBackendOptions = {}): Promise<SimulatedBackend> {
    const backend = new SimulatedBackend(options);
    await createDemoTable(backend);
    return backend;
  }

  /** Advances the simulated traffic by `ms` of simulated time (tests; start() does it from the clock). */
  tick(ms: number): void {
    this.traffic.advanceTo(this.traffic.now + ms);
  }

  /**
   * Simulates `ms` of traffic at once and keeps simulated time that far ahead of the clock, so counters,
   * rates and connections look lived-in from the first read (the demo's pre-warm).
   */
  warmUp(ms: number): void {
    this.aheadMs += ms;
    this.traffic.advanceTo(this.now() + this.aheadMs);
  }

  /** Runs the traffic on a real timer, catching up with the clock each time; close() stops it. */
  start(intervalMs = DEFAULT_TIMER_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      const target = this.now() + this.aheadMs;
      if (target - this.traffic.now > MAX_CATCH_UP_MS) this.traffic.skipTo(target - MAX_CATCH_UP_MS);
      this.traffic.advanceTo(target);
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Makes the simulated server behind a real server go down (or come back): its connections are refused
   * and its simulated check fails. The table itself is untouched; taking it out is the health checks' job.
   */
  setFailing(key: ServiceKey, dest: DestinationKey, failing: boolean): void {
    this.table.findDestination(this.table.find(key), dest).failing = failing;
  }

  /**
   * A health check answered by the traffic model, never by the network: nothing here sends a packet to the
   * table's addresses. Throws DESTINATION_NOT_FOUND like the table does.
   */
  simulatedCheck(
    key: ServiceKey,
    dest: DestinationKey,
    kind: HealthCheckKind,
  ): { ok: boolean; detail: string } {
    const failing = this.table.findDestination(this.table.find(key), dest).failing;
    if (failing)
      return { ok: false, detail: kind === 'command' ? 'exit 1 (simulated)' : 'connect refused (simulated)' };
    const detail = { tcp: 'connected', http: '200 OK', https: '200 OK', command: 'exit 0' }[kind];
    return { ok: true, detail: `${detail} (simulated)` };
  }

  /** Sets the traffic a service receives (null: back to the default profile). */
  setTraffic(key: ServiceKey, profile: TrafficProfile | null): void {
    this.traffic.setProfile(this.table.find(key).id, profile);
  }

  info(): Promise<IpvsInfo> {
    return Promise.resolve({ ...INFO });
  }

  schedulers(): Promise<string[]> {
    return Promise.resolve([...SIMULATED_SCHEDULERS]);
  }

  capabilities(): Promise<KernelCapabilities> {
    return Promise.resolve({
      schedulers: [...SIMULATED_SCHEDULERS],
      persistenceEngines: [...SIMULATED_CAPABILITIES.persistenceEngines],
      tunnelTypes: [...SIMULATED_CAPABILITIES.tunnelTypes],
      addressFamilies: [...SIMULATED_CAPABILITIES.addressFamilies],
    });
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
    return this.run(() => {
      this.traffic.settle();
      this.traffic.forget(this.table.delete(key));
    });
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
    return this.run(() => {
      this.traffic.settle();
      this.table.deleteDestination(key, dest);
      this.traffic.forget(null);
    });
  }

  /** Rows nothing moved in are the very objects of the previous snapshot (snapshot-rows.ts): read-only. */
  snapshot(): Promise<ServiceWithDestinations[]> {
    return this.run(() =>
      this.table.list().map((svc) => serviceRow(svc, this.table.sortedDestinations(svc))),
    );
  }

  totals(): Promise<Totals> {
    return this.run(() => this.totalStats.read());
  }

  clear(): Promise<void> {
    return this.run(() => {
      this.traffic.settle();
      for (const svc of this.table.clear()) this.traffic.forget(svc);
    });
  }

  zero(key?: ServiceKey): Promise<void> {
    return this.run(() => {
      const services = key ? [this.table.find(key)] : this.table.list();
      for (const svc of services) {
        svc.stats.zero();
        svc.moved = true;
        for (const dest of svc.destinations) {
          dest.stats.zero();
          dest.moved = true;
        }
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
    return this.run(() => procRows(this.traffic.conns, this.traffic.now, this.timeouts));
  }

  kernelSettings(): Promise<KernelSetting[]> {
    return this.run(() => this.settings.list());
  }

  setKernelSetting(name: string, value: number): Promise<void> {
    return this.run(() => this.settings.set(name, value));
  }

  close(): Promise<void> {
    this.stop();
    return Promise.resolve();
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
