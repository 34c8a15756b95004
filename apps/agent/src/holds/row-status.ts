import {
  DISABLED_HEALTH,
  destinationIdOf,
  serverCountKey,
  serviceIdOf,
  type Destination,
  type DrainProgress,
  type HealthStatus,
  type RampStatus,
  type ServerCounts,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import type { RealServerStatus, RowStatusSource } from '../live/index.js';
import { HoldStore } from '../state/index.js';

/** What the health checks found, by "<service id> <destination id>" (health/health-monitor.ts). */
export interface HealthSource {
  healthOf(key: string): HealthStatus;
  /** Called with the key of a real server whose state or last outcome changed. */
  subscribe(listener: (key: string) => void): () => void;
}

/** Slow-start ramps in progress and sorry servers (policy/), by the same keys. */
export interface ReturnSource {
  rampOf(key: string): RampStatus | undefined;
  isSorry(serviceId: string, destinationId: string): boolean;
  /** Called with the key of a real server whose ramp (or sorry-server role) changed. */
  subscribe(listener: (key: string) => void): () => void;
}

const noReturns: ReturnSource = {
  rampOf: () => undefined,
  isSorry: () => false,
  subscribe: () => () => undefined,
};

const noHealth: HealthSource = { healthOf: () => DISABLED_HEALTH, subscribe: () => () => undefined };

/** The running drains' progress, by the same key (drain/drain-tracker.ts). */
export interface DrainSource {
  progressOf(key: string): DrainProgress | null;
  /** Called with the key of a real server whose drain progress changed, started or ended. */
  subscribe(listener: (key: string) => void): () => void;
}

const noDrains: DrainSource = { progressOf: () => null, subscribe: () => () => undefined };

/**
 * Each real server's holds, health, drain, ramp and sorry-server role, as every read and live frame carries them (shared model.ts): reads
 * get decorated copies of the backend's rows, the live hub the keys that changed since its last sample.
 */
export class RowStatus implements RowStatusSource {
  private changed = new Set<string>();
  private health: HealthSource = noHealth;
  private unsubscribeHealth: () => void = () => undefined;
  private drains: DrainSource = noDrains;
  private returns: ReturnSource = noReturns;

  constructor(private readonly holds: HoldStore) {
    holds.subscribe((key) => this.changed.add(key));
  }

  /** Connects the health checks once they exist (they need the pipeline, which needs the monitor). */
  useHealth(health: HealthSource): void {
    this.unsubscribeHealth();
    this.health = health;
    this.unsubscribeHealth = health.subscribe((key) => this.changed.add(key));
  }

  /** Connects the drain tracker (it needs the pipeline too). */
  useDrains(drains: DrainSource): void {
    this.drains = drains;
    drains.subscribe((key) => this.changed.add(key));
  }

  /** Connects slow start and sorry servers (they need the pipeline too). */
  useReturns(returns: ReturnSource): void {
    this.returns = returns;
    returns.subscribe((key) => this.changed.add(key));
  }

  statusOf(serviceId: string, destinationId: string): RealServerStatus {
    const key = HoldStore.key(serviceId, destinationId);
    return {
      holds: [...this.holds.holdsOf(key)],
      health: this.health.healthOf(key),
      drain: this.drains.progressOf(key),
      ramp: this.returns.rampOf(key) ?? null,
      sorryServer: this.returns.isSorry(serviceId, destinationId),
    };
  }

  /** A read's row: a ramp only while there is one, sorryServer only on the sorry server. */
  decorate(serviceId: string, dest: Destination): Destination {
    const { ramp, sorryServer, ...status } = this.statusOf(serviceId, destinationIdOf(dest));
    return { ...dest, ...status, ...(ramp ? { ramp } : {}), ...(sorryServer ? { sorryServer } : {}) };
  }

  /**
   * The table's real servers counted as GET /summary counts them (serverCountKey), without copying a row:
   * decorating 11,000 rows to count them cost a peer half its idle CPU while a Fleet page was open.
   */
  countServers(table: readonly ServiceWithDestinations[]): ServerCounts {
    const counts: ServerCounts = { down: 0, held: 0, up: 0 };
    for (const service of table) {
      const sid = serviceIdOf(service);
      for (const dest of service.destinations) {
        const key = HoldStore.key(sid, destinationIdOf(dest));
        counts[serverCountKey(this.health.healthOf(key).state, this.holds.holdsOf(key).length)] += 1;
      }
    }
    return counts;
  }

  decorateTable(table: readonly ServiceWithDestinations[]): ServiceWithDestinations[] {
    return table.map((service) => {
      const sid = serviceIdOf(service);
      return { ...service, destinations: service.destinations.map((d) => this.decorate(sid, d)) };
    });
  }

  takeChanged(): string[] {
    if (this.changed.size === 0) return [];
    const keys = [...this.changed];
    this.changed.clear();
    return keys;
  }
}
