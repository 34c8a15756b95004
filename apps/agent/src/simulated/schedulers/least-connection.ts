// The load-counting schedulers: lc (ip_vs_lc.c), wlc (ip_vs_wlc.c), sed (ip_vs_sed.c), nq (ip_vs_nq.c).
// Ratios are compared by cross-multiplication as the kernel does; ties go to the first server in the list.
import type { SimDestination, SimService } from '../sim-state.js';
import type { Scheduler } from './scheduler.js';
import { isUsable, overhead } from './scheduler.js';

/** The usable server minimising load(d) / weight(d) (weight 1 for all when `weighted` is false). */
function leastBy(
  dests: readonly SimDestination[],
  load: (d: SimDestination) => number,
  weighted: boolean,
): SimDestination | null {
  let best: SimDestination | null = null;
  for (const dest of dests) {
    if (!isUsable(dest)) continue;
    if (!best) {
      best = dest;
      continue;
    }
    const left = load(best) * (weighted ? dest.settings.weight : 1);
    const right = load(dest) * (weighted ? best.settings.weight : 1);
    if (left > right) best = dest;
  }
  return best;
}

export function createLeastConnection(svc: SimService): Scheduler {
  return { pick: () => leastBy(svc.destinations, overhead, false) };
}

export function createWeightedLeastConnection(svc: SimService): Scheduler {
  return { pick: () => leastBy(svc.destinations, overhead, true) };
}

/** Shortest expected delay: (active + 1) / weight; inactive connections do not count. */
export function createShortestExpectedDelay(svc: SimService): Scheduler {
  return { pick: () => leastBy(svc.destinations, (d) => d.activeConns + 1, true) };
}

/** Never queue: an idle usable server if there is one (first in the list), else shortest expected delay. */
export function createNeverQueue(svc: SimService): Scheduler {
  return {
    pick() {
      const idle = svc.destinations.find((d) => isUsable(d) && d.activeConns === 0);
      return idle ?? leastBy(svc.destinations, (d) => d.activeConns + 1, true);
    },
  };
}
