// The domain interface every IPVS backend implements: the kernel client (netlink + /proc) and the
// simulated one. Everything above this layer (http, ws, metrics) talks only to IpvsBackend.
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
import type { AppError } from '@ipvs-dashboard/shared';

export type BackendKind = 'kernel' | 'simulated';

export interface IpvsBackend {
  readonly kind: BackendKind;
  info(): Promise<IpvsInfo>;
  /** Schedulers this backend can run (kernel: modules present for the running kernel). */
  schedulers(): Promise<string[]>;
  /** The schedulers and what else this kernel has that the schema cannot know (persistence engines, tunnel types, IPv6). */
  capabilities(): Promise<KernelCapabilities>;

  listServices(): Promise<Service[]>;
  getService(key: ServiceKey): Promise<Service>;
  addService(input: ServiceInput): Promise<void>;
  editService(key: ServiceKey, settings: ServiceSettings): Promise<void>;
  deleteService(key: ServiceKey): Promise<void>;

  listDestinations(key: ServiceKey): Promise<Destination[]>;
  addDestination(key: ServiceKey, input: DestinationInput): Promise<void>;
  editDestination(key: ServiceKey, input: DestinationInput): Promise<void>;
  deleteDestination(key: ServiceKey, dest: DestinationKey): Promise<void>;

  /**
   * Optional: many table changes at once (kernel: netlink batches). Returns the first refusal, or null.
   * After a refusal later commands may or may not have run; callers roll back. Without it, callers apply
   * the commands one by one (table-commands.ts applyOneByOne), which gives the same errors.
   */
  applyBatch?(commands: readonly TableCommand[]): Promise<BatchFailure | null>;

  /**
   * Every service with its real servers and stats, in ipvsadm's sort order. The results are read-only for
   * every caller. A backend MAY return the very same row object (service entry, destination) as in its
   * previous snapshot when nothing in that row changed, and a new object when anything did.
   */
  snapshot(): Promise<ServiceWithDestinations[]>;
  totals(): Promise<Totals>;

  clear(): Promise<void>;
  /** Zero the counters of one service, or of everything (and the totals) without a key. */
  zero(key?: ServiceKey): Promise<void>;

  getTimeouts(): Promise<Timeouts>;
  setTimeouts(timeouts: Timeouts): Promise<void>;

  listDaemons(): Promise<SyncDaemon[]>;
  startDaemon(input: SyncDaemonInput): Promise<void>;
  stopDaemon(state: SyncDaemonState): Promise<void>;

  connections(): Promise<Connection[]>;

  kernelSettings(): Promise<KernelSetting[]>;
  setKernelSetting(name: string, value: number): Promise<void>;

  close(): Promise<void>;
}

/** Changes to the table as values, so a whole restore can be handed to a backend at once (applyBatch). */
export type TableCommand =
  | { op: 'add-service'; input: ServiceInput }
  | { op: 'edit-service'; key: ServiceKey; settings: ServiceSettings }
  | { op: 'delete-service'; key: ServiceKey }
  | { op: 'add-destination'; key: ServiceKey; dest: DestinationInput }
  | { op: 'edit-destination'; key: ServiceKey; dest: DestinationInput }
  | { op: 'delete-destination'; key: ServiceKey; dest: DestinationKey };

/** The first command the backend refused (0-based index into the commands) and why. */
export interface BatchFailure {
  index: number;
  error: AppError;
}
