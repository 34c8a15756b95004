// What reads and live samples say of returns (holds/row-status.ts ReturnSource): a ramp in progress, and
// which real server is its service's sorry server. A policy change can make a real server the sorry server
// (or stop it being one), so every real server of that service is announced as changed.
import { destinationIdOf, serviceId, serviceIdOf } from '@ipvs-dashboard/shared';
import type { ReturnSource } from '../holds/index.js';
import type { TableMonitor } from '../live/index.js';
import { HoldStore, type PolicyStore } from '../state/index.js';
import type { SlowStart } from './slow-start.js';
import type { SorryServers } from './sorry-server.js';

export function returnSource(
  slowStart: SlowStart,
  sorry: SorryServers,
  policies: PolicyStore,
  monitor: TableMonitor,
): ReturnSource {
  return {
    rampOf: (key) => slowStart.statusOf(key),
    isSorry: (sid, did) => sorry.isSorry(sid, did),
    subscribe(listener) {
      const ramps = slowStart.subscribe(listener);
      const roles = policies.subscribe((sid) => {
        for (const service of monitor.current?.table ?? []) {
          if (sid !== null && serviceId(service.key) !== sid) continue;
          for (const dest of service.destinations)
            listener(HoldStore.key(serviceIdOf(service), destinationIdOf(dest)));
        }
      });
      return () => {
        ramps();
        roles();
      };
    },
  };
}
