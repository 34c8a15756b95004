// lblc (ip_vs_lblc.c) and lblcr (ip_vs_lblcr.c), keyed by the address the client asked for (a cache
// cluster's target). APPROXIMATIONS: the kernel also expires idle cache entries by a periodic timer and
// bounds its table; here entries live as long as the service. The load rules are the kernel's: a mapped
// server is abandoned when it is unusable, or busier than its weight while some server is under half load;
// a new choice is weighted least-connection; lblcr drops the busiest member of a set unchanged for
// lblcr_expiration (24 h).
import type { SimDestination, SimService } from '../sim-state.js';
import type { Scheduler } from './scheduler.js';
import { isUsable, overhead } from './scheduler.js';

const LBLCR_EXPIRATION_MS = 24 * 60 * 60 * 1000;

/** The kernel's is_overloaded() for lblc/lblcr: busier than its weight while another is under half. */
function isBusy(dest: SimDestination, svc: SimService): boolean {
  if (dest.activeConns <= dest.settings.weight) return false;
  return svc.destinations.some((d) => d.activeConns * 2 < d.settings.weight);
}

function weightedLeast(dests: readonly SimDestination[]): SimDestination | null {
  let best: SimDestination | null = null;
  for (const dest of dests) {
    if (!isUsable(dest)) continue;
    if (!best || overhead(best) * dest.settings.weight > overhead(dest) * best.settings.weight) best = dest;
  }
  return best;
}

export function createLocalityLeastConnection(svc: SimService): Scheduler {
  const cache = new Map<string, SimDestination>();
  return {
    pick(request) {
      const cached = cache.get(request.virtualKey);
      if (cached && cached.available && isUsable(cached) && !isBusy(cached, svc)) return cached;
      const dest = weightedLeast(svc.destinations);
      if (dest) cache.set(request.virtualKey, dest);
      return dest;
    },
  };
}

interface ServerSet {
  members: SimDestination[];
  changedAt: number;
}

export function createLocalityReplicated(svc: SimService): Scheduler {
  const sets = new Map<string, ServerSet>();
  return {
    pick(request) {
      const set = sets.get(request.virtualKey);
      if (!set) {
        const dest = weightedLeast(svc.destinations);
        if (dest) sets.set(request.virtualKey, { members: [dest], changedAt: request.now });
        return dest;
      }
      set.members = set.members.filter((d) => d.available);
      const least = weightedLeast(set.members);
      if (set.members.length > 1 && request.now - set.changedAt > LBLCR_EXPIRATION_MS) {
        const busiest = set.members.reduce((a, b) =>
          overhead(b) * a.settings.weight > overhead(a) * b.settings.weight ? b : a,
        );
        set.members = set.members.filter((d) => d !== busiest);
        set.changedAt = request.now;
      }
      if (least && !isBusy(least, svc)) return least;
      const dest = weightedLeast(svc.destinations);
      if (dest && !set.members.includes(dest)) {
        set.members.push(dest);
        set.changedAt = request.now;
      }
      return dest;
    },
  };
}
