import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import type { HealthSource } from '../holds/index.js';
import type { TableMonitor } from '../live/index.js';
import type { CheckStore, HoldStore, PolicyStore } from '../state/index.js';
import type { SorryServers } from './sorry-server.js';

export interface ReturnsToFollow {
  monitor: TableMonitor;
  sorry: SorryServers;
  /** The health checks: told which real servers to check, and telling when one's verdict changes. */
  health: HealthSource & { sync(table: readonly ServiceWithDestinations[]): void };
  checks: CheckStore;
  policies: PolicyStore;
  holds: HoldStore;
}

/**
 * Keeps the checks on the table's real servers and looks at the sorry servers again whenever what decides
 * them changes: a reading, a check or policy setting, a hold, a health verdict. Sorry servers are not
 * checked: they stand in while the checked ones are down (keepalived alike).
 */
export function followReturns({ monitor, sorry, health, checks, policies, holds }: ReturnsToFollow): void {
  const syncHealth = () => health.sync(sorry.withoutSorry(monitor.current?.table ?? []));
  syncHealth();
  monitor.subscribe((event) => {
    if (event.type !== 'snapshot') return;
    syncHealth();
    sorry.schedule();
  });
  checks.subscribe(syncHealth);
  policies.subscribe(() => {
    syncHealth();
    sorry.schedule();
  });
  holds.subscribe(() => sorry.schedule());
  health.subscribe(() => sorry.schedule());
  sorry.schedule();
}
