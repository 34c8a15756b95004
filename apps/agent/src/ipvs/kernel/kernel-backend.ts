// IpvsBackend on the running kernel: IPVS generic netlink for the table, /proc for connections, totals
// and settings. Every kernel errno is turned into a catalogue AppError here (kernel-errors.ts).
import { join } from 'node:path';
import { AppError } from '@ipvs-dashboard/shared';
import type {
  Connection,
  Destination,
  DestinationInput,
  DestinationKey,
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
import { sameDestinationKey } from '@ipvs-dashboard/shared';
import { FamilyNotFoundError, GenlConnection, platformProblem } from '../../netlink/index.js';
import type { IpvsBackend } from '../backend/backend.js';
import { IPVS_GENL_NAME, IpvsCmd } from './codec/constants.js';
import { packServiceFull, packServiceIdentity, unpackServiceMessage } from './codec/service-codec.js';
import {
  packDestinationFull,
  packDestinationIdentity,
  unpackDestinationMessage,
} from './codec/destination-codec.js';
import { listDaemons, startDaemon, stopDaemon } from './kernel-daemons.js';
import { KernelCalls } from './kernel-calls.js';
import { packTimeouts, unpackInfo, unpackTimeouts } from './codec/config-codec.js';
import { sortDestinations } from './snapshot/ipvsadm-order.js';
import { toDomainError } from './kernel-errors.js';
import { KernelSnapshots } from './snapshot/kernel-snapshots.js';
import { mergeDestination, mergeServiceSettings } from '../backend/read-modify-write.js';
import { readIpvsConnections } from './proc/proc-connections.js';
import { readIpvsStats } from './proc/proc-stats.js';
import {
  availableSchedulers,
  defaultSchedulerSources,
  type SchedulerSources,
} from './available-schedulers.js';
import { kernelCapabilities } from './kernel-features.js';
import { IPVS_SYSCTL_DIR, readKernelSettings, writeKernelSetting } from './kernel-settings.js';
import { procError, settle } from './backend-support.js';
import { applyKernelBatch } from './kernel-batch.js';
import { applyOneByOne } from '../backend/table-commands.js';
import type { BatchFailure, TableCommand } from '../backend/backend.js';
import type { IpvsConnection, KernelBackendOptions } from './kernel-backend-options.js';

export type { IpvsConnection, KernelBackendOptions } from './kernel-backend-options.js';

const EMPTY = Buffer.alloc(0);

export class KernelBackend implements IpvsBackend {
  readonly kind = 'kernel' as const;
  private readonly procNetDir: string;
  private readonly sysctlDir: string;
  private readonly schedulerSources: SchedulerSources;
  private readonly snapshots: KernelSnapshots;
  private readonly calls: KernelCalls;

  private constructor(
    private readonly connection: IpvsConnection,
    options: KernelBackendOptions,
  ) {
    this.calls = new KernelCalls(connection);
    this.snapshots = new KernelSnapshots(connection, {
      sliceMs: options.sliceMs ?? 8,
      rowReuse: options.rowReuse ?? true,
    });
    this.procNetDir = options.procNetDir ?? '/proc/net';
    this.sysctlDir = options.sysctlDir ?? IPVS_SYSCTL_DIR;
    this.schedulerSources = options.schedulerSources ?? defaultSchedulerSources();
  }

  /**
   * Opens a netlink connection, resolves the "IPVS" family (which auto-loads ip_vs where modules exist)
   * and asks GET_INFO once, so a missing IPVS or a missing CAP_NET_ADMIN shows up here, not later.
   */
  static open(options: KernelBackendOptions = {}): KernelBackend {
    const problem = platformProblem();
    if (problem !== null) {
      throw new AppError(
        'IPVS_UNAVAILABLE',
        `The kernel backend cannot run here: ${problem}. Run with --backend simulated.`,
      );
    }
    let connection: GenlConnection | undefined;
    try {
      connection = GenlConnection.open(
        options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
      );
      return KernelBackend.withConnection(connection, options);
    } catch (error) {
      connection?.close();
      // A socket that cannot even be opened (no netlink, FFI missing) says so in the same catalogue terms.
      throw toDomainError('info', error);
    }
  }

  /** A backend over an already open connection; resolves the family and probes GET_INFO. */
  static withConnection(connection: IpvsConnection, options: KernelBackendOptions = {}): KernelBackend {
    try {
      connection.resolveFamily(IPVS_GENL_NAME);
    } catch (error) {
      if (error instanceof FamilyNotFoundError)
        throw new AppError('IPVS_UNAVAILABLE', undefined, { cause: error });
      throw toDomainError('info', error);
    }
    const backend = new KernelBackend(connection, options);
    backend.calls.request('info', IpvsCmd.GET_INFO, EMPTY);
    return backend;
  }

  info(): Promise<IpvsInfo> {
    return settle(() => unpackInfo(this.calls.single('info', IpvsCmd.GET_INFO, EMPTY)));
  }

  schedulers(): Promise<string[]> {
    return availableSchedulers(this.schedulerSources);
  }

  capabilities(): Promise<KernelCapabilities> {
    return kernelCapabilities(this.schedulerSources);
  }

  /** One GET_SERVICE dump, in ipvsadm's order. */
  listServices(): Promise<Service[]> {
    return this.snapshots.listServices();
  }

  getService(key: ServiceKey): Promise<Service> {
    return settle(() => {
      const attributes = packServiceIdentity(key);
      return unpackServiceMessage(this.calls.single('get-service', IpvsCmd.GET_SERVICE, attributes));
    });
  }

  addService(input: ServiceInput): Promise<void> {
    return settle(() => {
      this.calls.request('add-service', IpvsCmd.NEW_SERVICE, packServiceFull(input));
    });
  }

  /** SET_SERVICE replaces every setting: fields the caller left out keep their current values. */
  async editService(key: ServiceKey, settings: ServiceSettings): Promise<void> {
    const current = await this.getService(key);
    const merged = mergeServiceSettings(key, current, settings);
    this.calls.request('edit-service', IpvsCmd.SET_SERVICE, packServiceFull(merged));
  }

  deleteService(key: ServiceKey): Promise<void> {
    return settle(() => {
      this.calls.request('delete-service', IpvsCmd.DEL_SERVICE, packServiceIdentity(key));
    });
  }

  /** GET_DEST answers an unknown service with an empty list (reference §11.5): check it exists first. */
  async listDestinations(key: ServiceKey): Promise<Destination[]> {
    const service = await this.getService(key);
    return this.readDestinations(packServiceIdentity(service.key), service.family);
  }

  addDestination(key: ServiceKey, input: DestinationInput): Promise<void> {
    return settle(() => {
      this.calls.request('add-destination', IpvsCmd.NEW_DEST, packDestinationFull(key, input));
    });
  }

  /** SET_DEST replaces every setting (tunnel ones too): fields left out keep their current values. */
  async editDestination(key: ServiceKey, input: DestinationInput): Promise<void> {
    const current = (await this.listDestinations(key)).find((dest) => sameDestinationKey(dest, input));
    if (current === undefined) throw new AppError('DESTINATION_NOT_FOUND');
    const merged = mergeDestination(current, input);
    this.calls.request('edit-destination', IpvsCmd.SET_DEST, packDestinationFull(key, merged));
  }

  deleteDestination(key: ServiceKey, dest: DestinationKey): Promise<void> {
    return settle(() => {
      this.calls.request('delete-destination', IpvsCmd.DEL_DEST, packDestinationIdentity(key, dest));
    });
  }

  /** Additions and deletions in netlink batches (kernel-batch.ts); one by one when the connection has none. */
  applyBatch(commands: readonly TableCommand[]): Promise<BatchFailure | null> {
    const connection = this.connection;
    if (connection.requestBatch === undefined) return applyOneByOne(this, commands);
    return applyKernelBatch({ requestBatch: connection.requestBatch.bind(connection) }, this, commands);
  }

  /**
   * One service dump plus one destination dump per service (as ipvsadm does), read and decoded in
   * slices of `sliceMs`; unchanged rows are the previous
   * snapshot's objects (kernel-snapshots.ts).
   */
  snapshot(): Promise<ServiceWithDestinations[]> {
    return this.snapshots.snapshot();
  }

  totals(): Promise<Totals> {
    return readIpvsStats(join(this.procNetDir, 'ip_vs_stats')).catch((error: unknown) => {
      throw procError(error);
    });
  }

  clear(): Promise<void> {
    return settle(() => {
      this.calls.request('flush', IpvsCmd.FLUSH, EMPTY);
    });
  }

  zero(key?: ServiceKey): Promise<void> {
    return settle(() => {
      if (key === undefined) this.calls.request('zero', IpvsCmd.ZERO, EMPTY);
      else this.calls.request('zero-service', IpvsCmd.ZERO, packServiceIdentity(key));
    });
  }

  getTimeouts(): Promise<Timeouts> {
    return settle(() => unpackTimeouts(this.calls.single('timeouts', IpvsCmd.GET_CONFIG, EMPTY)));
  }

  setTimeouts(timeouts: Timeouts): Promise<void> {
    return settle(() => {
      this.calls.request('set-timeouts', IpvsCmd.SET_CONFIG, packTimeouts(timeouts));
    });
  }

  listDaemons(): Promise<SyncDaemon[]> {
    return settle(() => listDaemons(this.calls));
  }

  startDaemon(input: SyncDaemonInput): Promise<void> {
    return settle(() => {
      startDaemon(this.calls, input);
    });
  }

  stopDaemon(state: SyncDaemonState): Promise<void> {
    return settle(() => {
      stopDaemon(this.calls, state);
    });
  }

  connections(): Promise<Connection[]> {
    return readIpvsConnections(join(this.procNetDir, 'ip_vs_conn')).catch((error: unknown) => {
      throw procError(error);
    });
  }

  kernelSettings(): Promise<KernelSetting[]> {
    return readKernelSettings(this.sysctlDir);
  }

  setKernelSetting(name: string, value: number): Promise<void> {
    return writeKernelSetting(name, value, this.sysctlDir);
  }

  async close(): Promise<void> {
    await this.snapshots.close();
    this.connection.close();
  }

  /** `identity`: the attributes of an identity-only SERVICE nest (packServiceIdentity or a dump's copy). */
  private readDestinations(identity: Buffer, family: Service['family']): Destination[] {
    const replies = this.calls.dump('list-destinations', IpvsCmd.GET_DEST, identity);
    return sortDestinations(replies.map((reply) => unpackDestinationMessage(reply.attributes, family)));
  }
}
