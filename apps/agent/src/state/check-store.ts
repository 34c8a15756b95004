import { healthCheckSchema, type CheckAssignment, type HealthCheck } from '@ipvs-dashboard/shared';
import { JsonFile } from './json-file.js';

interface CheckFile {
  /** serviceId() -> the check of all its real servers */
  services: Record<string, HealthCheck>;
  /** "<service id> <destination id>" -> one real server's own check */
  destinations: Record<string, HealthCheck>;
}

/**
 * Health check settings (shared health-check.ts), set per service and overridden per real server, in
 * <state-dir>/checks.json so they survive a restart. A real server's check is its own, else its service's.
 */
export class CheckStore {
  private readonly file: JsonFile;
  private readonly services = new Map<string, HealthCheck>();
  private readonly destinations = new Map<string, HealthCheck>();
  private readonly listeners = new Set<() => void>();

  private constructor(dir: string) {
    this.file = new JsonFile(dir, 'checks.json');
  }

  static async open(dir: string): Promise<CheckStore> {
    const store = new CheckStore(dir);
    const parsed = (await store.file.load()) as Partial<CheckFile> | undefined;
    // A check an older or newer agent wrote that this one would refuse is left out, not half-applied.
    const load = (from: Record<string, unknown> | undefined, into: Map<string, HealthCheck>) => {
      for (const [key, value] of Object.entries(from ?? {})) {
        const check = healthCheckSchema.safeParse(value);
        if (check.success) into.set(key, check.data);
      }
    };
    load(parsed?.services, store.services);
    load(parsed?.destinations, store.destinations);
    return store;
  }

  static destinationKey(serviceId: string, destinationId: string): string {
    return `${serviceId} ${destinationId}`;
  }

  /** Called after every change of the settings (the checks reschedule). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  serviceCheck(serviceId: string): HealthCheck | undefined {
    return this.services.get(serviceId);
  }

  destinationCheck(serviceId: string, destinationId: string): HealthCheck | undefined {
    return this.destinations.get(CheckStore.destinationKey(serviceId, destinationId));
  }

  /** The check that applies to a real server: its own, else its service's, else none. */
  effectiveCheck(serviceId: string, destinationId: string): HealthCheck | undefined {
    return this.destinationCheck(serviceId, destinationId) ?? this.services.get(serviceId);
  }

  /** Sets (check) or removes (null) a service's check or, with a destination, one real server's own. */
  async set(serviceId: string, destinationId: string | null, check: HealthCheck | null): Promise<void> {
    const [map, key] =
      destinationId === null
        ? [this.services, serviceId]
        : [this.destinations, CheckStore.destinationKey(serviceId, destinationId)];
    if (check === null) map.delete(key);
    else map.set(key, check);
    await this.save();
  }

  /** Every check as an export carries it: services first, then real servers, each in key order. */
  assignments(): CheckAssignment[] {
    const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return [
      ...sorted(this.services).map(([service, check]) => ({ service, destination: null, check })),
      ...sorted(this.destinations).map(([key, check]) => {
        const space = key.indexOf(' ');
        return { service: key.slice(0, space), destination: key.slice(space + 1), check };
      }),
    ];
  }

  /** Forgets the checks of a removed service (and its real servers'), or every check without an id (cleared). */
  async forgetService(serviceId?: string): Promise<void> {
    let changed: boolean;
    if (serviceId === undefined) {
      changed = this.services.size + this.destinations.size > 0;
      this.services.clear();
      this.destinations.clear();
    } else {
      changed = this.services.delete(serviceId);
      for (const key of [...this.destinations.keys()]) {
        if (key.startsWith(`${serviceId} `)) changed = this.destinations.delete(key) || changed;
      }
    }
    if (changed) await this.save();
  }

  async forgetDestination(serviceId: string, destinationId: string): Promise<void> {
    if (this.destinations.delete(CheckStore.destinationKey(serviceId, destinationId))) await this.save();
  }

  private save(): Promise<void> {
    for (const listener of this.listeners) listener();
    const body: CheckFile = {
      services: Object.fromEntries(this.services),
      destinations: Object.fromEntries(this.destinations),
    };
    return this.file.save(body);
  }
}
