// fo (ip_vs_fo.c): the usable server with the highest weight. ovf (ip_vs_ovf.c): the highest-weight server
// whose active connections do not exceed its weight. Both keep the first server in the list on a tie.
import type { SimDestination, SimService } from '../sim-state.js';
import type { Scheduler } from './scheduler.js';
import { isUsable } from './scheduler.js';

function heaviest(
  dests: readonly SimDestination[],
  accept: (d: SimDestination) => boolean,
): SimDestination | null {
  let best: SimDestination | null = null;
  for (const dest of dests) {
    if (accept(dest) && (!best || dest.settings.weight > best.settings.weight)) best = dest;
  }
  return best;
}

export function createWeightedFailover(svc: SimService): Scheduler {
  return { pick: () => heaviest(svc.destinations, isUsable) };
}

export function createWeightedOverflow(svc: SimService): Scheduler {
  return {
    pick: () => heaviest(svc.destinations, (d) => isUsable(d) && d.activeConns <= d.settings.weight),
  };
}
