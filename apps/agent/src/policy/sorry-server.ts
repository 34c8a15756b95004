// Sorry servers (keepalived's sorry_server; docs/api.md "Slow start and sorry server"): a service's sorry
// server is added, through the change pipeline by the agent, while none of its real servers is up (each
// held, at weight 0 or its check down), and removed once one is. It never counts as up itself.
import {
  destinationId,
  sameDestinationKey,
  serviceId,
  parseServiceId,
  type DestinationKey,
  type IpvsadmCommand,
  type SavableService,
  type ServiceWithDestinations,
  type SorryServer,
} from '@ipvs-dashboard/shared';
import { realServerLabel, type ChangePipeline } from '../changes/index.js';
import type { HealthSource } from '../holds/index.js';
import type { TableMonitor } from '../live/index.js';
import { HoldStore, type PolicyStore } from '../state/index.js';

export interface SorryServerDeps {
  pipeline: ChangePipeline;
  monitor: TableMonitor;
  policies: PolicyStore;
  holds: HoldStore;
  health: HealthSource;
  report: (message: string, error?: unknown) => void;
}

const actor = { type: 'agent' } as const;

const keyOf = (sorry: SorryServer): DestinationKey => ({ address: sorry.address, port: sorry.port });

export class SorryServers {
  private pending: NodeJS.Immediate | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: SorryServerDeps) {}

  /** Whether a real server is its service's sorry server (reads mark it; checks and counts skip it). */
  isSorry(sid: string, did: string): boolean {
    const sorry = this.deps.policies.get(sid)?.sorryServer;
    return sorry !== undefined && destinationId(keyOf(sorry)) === did;
  }

  /** The table without the sorry servers: the health checks leave them alone (keepalived does the same). */
  withoutSorry(table: readonly ServiceWithDestinations[]): ServiceWithDestinations[] {
    return table.map((service) => {
      const sorry = this.deps.policies.get(serviceId(service.key))?.sorryServer;
      if (!sorry) return service;
      return { ...service, destinations: service.destinations.filter((d) => !sameDestinationKey(d, sorry)) };
    });
  }

  /** Looks again soon (coalesced): after a table change, a hold, a health transition or a policy change. */
  schedule(): void {
    if (this.pending || this.stopped) return;
    this.pending = setImmediate(() => {
      this.pending = null;
      this.running = this.running
        .then(() => this.reconcile())
        .catch((error) => this.deps.report('keeping a sorry server failed', error));
    });
  }

  /** Settles once the look already asked for has run (tests). */
  async settled(): Promise<void> {
    while (this.pending) await new Promise((resolve) => setImmediate(resolve));
    await this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.pending) clearImmediate(this.pending);
  }

  /** Removes a service's sorry server from the table (its policy no longer names it). */
  async withdraw(sid: string, sorry: SorryServer): Promise<void> {
    const key = parseServiceId(sid);
    await this.deps.pipeline.run({
      action: 'sorry-server-off',
      actor,
      scope: [key],
      plan: (before) =>
        before[0]?.destinations.some((d) => sameDestinationKey(d, keyOf(sorry)))
          ? [{ kind: 'delete-destination', service: key, destination: keyOf(sorry) }]
          : [],
      summary: () =>
        `Sorry server ${realServerLabel(key, keyOf(sorry))} removed: it is no longer the sorry server`,
    });
  }

  /** A real server other than the sorry server that is in rotation: weight, no hold, check not down. */
  private anyUp(sid: string, service: SavableService, sorry: SorryServer): boolean {
    return service.destinations.some((d) => {
      if (sameDestinationKey(d, keyOf(sorry)) || d.weight === 0) return false;
      const key = HoldStore.key(sid, destinationId(d));
      return this.deps.holds.holdsOf(key).length === 0 && this.deps.health.healthOf(key).state !== 'down';
    });
  }

  private async reconcile(): Promise<void> {
    const table = this.deps.monitor.current?.table ?? [];
    for (const { service: sid, policy } of this.deps.policies.assignments()) {
      const sorry = policy.sorryServer;
      const service = table.find((s) => serviceId(s.key) === sid);
      if (sorry && service) await this.keep(sid, service, sorry);
    }
  }

  /** What a service's sorry server needs now: added, removed, or nothing. */
  private needed(sid: string, service: SavableService, sorry: SorryServer): 'add' | 'remove' | null {
    const present = service.destinations.some((d) => sameDestinationKey(d, keyOf(sorry)));
    const up = this.anyUp(sid, service, sorry);
    if (up && present) return 'remove';
    return up || present ? null : 'add';
  }

  /** Adds or removes one service's sorry server; decided on the last reading, checked again inside the change. */
  private async keep(sid: string, service: SavableService, sorry: SorryServer): Promise<void> {
    const need = this.needed(sid, service, sorry);
    if (need === null) return;
    const key = parseServiceId(sid);
    const dest = keyOf(sorry);
    const destination = {
      ...dest,
      forwarding: sorry.forwarding ?? 'route',
      weight: 1,
      upperThreshold: 0,
      lowerThreshold: 0,
      tunnelType: 'ipip',
      tunnelPort: 0,
      tunnelChecksum: 'nocsum',
    } as const;
    await this.deps.pipeline.run({
      action: need === 'add' ? 'sorry-server-on' : 'sorry-server-off',
      actor,
      scope: [key],
      plan: (before): IpvsadmCommand[] => {
        if (!before[0] || this.needed(sid, before[0], sorry) !== need) return [];
        return need === 'add'
          ? [{ kind: 'add-destination', service: key, destination }]
          : [{ kind: 'delete-destination', service: key, destination: dest }];
      },
      summary: () =>
        need === 'add'
          ? `No real server of ${sid} is up: sorry server ${destinationId(dest)} added`
          : `A real server of ${sid} is up again: sorry server ${destinationId(dest)} removed`,
    });
  }
}
