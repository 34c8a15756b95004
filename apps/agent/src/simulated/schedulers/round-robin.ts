// rr and wrr (ip_vs_rr.c, ip_vs_wrr.c). rr walks the list from the last choice to the next usable server.
// wrr is the classic interleaved weighted round robin: a current weight cw stepping down from the maximum
// weight by the gcd of the weights on each pass; a pass picks every server whose weight >= cw. APPROXIMATION:
// the kernel adjusts cw and its position when servers change; here the schedule restarts.
import type { SimDestination, SimService } from '../sim-state.js';
import type { Scheduler } from './scheduler.js';
import { isUsable } from './scheduler.js';

export function createRoundRobin(svc: SimService): Scheduler {
  let last = -1;
  return {
    pick() {
      const dests = svc.destinations;
      for (let step = 1; step <= dests.length; step++) {
        const index = (last + step) % dests.length;
        const dest = dests[index];
        if (dest && isUsable(dest)) {
          last = index;
          return dest;
        }
      }
      return null;
    },
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function createWeightedRoundRobin(svc: SimService): Scheduler {
  const weights = svc.destinations.map((d) => d.settings.weight).filter((w) => w > 0);
  const maxWeight = Math.max(0, ...weights);
  const step = weights.reduce(gcd, 0) || 1;
  // The first pass takes every usable server in list order (current weight below 1); passes with the
  // current weight stepping down from the maximum follow. Seen in the UML guest with weights 3/1/2:
  // w2, w1, w3 | w3 | w2, w3 | w2, w1, w3 | ...
  let index = -1;
  let current = 0;
  return {
    pick(): SimDestination | null {
      const dests = svc.destinations;
      // The kernel ends its search after a full cycle; checking first keeps a fully overloaded set cheap.
      if (!dests.some(isUsable)) return null;
      for (;;) {
        index++;
        if (index >= dests.length) {
          index = 0;
          current -= step;
          if (current <= 0) current = maxWeight;
        }
        const dest = dests[index];
        if (dest && isUsable(dest) && dest.settings.weight >= current) return dest;
      }
    },
  };
}
