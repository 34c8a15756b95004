// mh (ip_vs_mh.c): Maglev consistent hashing over a prime-sized table (4093 entries, Kconfig
// IP_VS_MH_TAB_INDEX 12). APPROXIMATION: the kernel hashes with siphash under a random key chosen at boot,
// so its exact table cannot be reproduced; here a fixed FNV-1a hash gives the same properties (each
// server's share proportional to its weight, minimal movement when servers change). Quiesced servers keep
// their slots (last_weight) and are skipped at lookup; mh-fallback (SCHED1) probes further, mh-port
// (SCHED2) adds the client port to the hash.
import { IP_VS_SVC_F_SCHED1, IP_VS_SVC_F_SCHED2 } from '@ipvs-dashboard/shared';
import type { SimDestination, SimService } from '../sim-state.js';
import type { ScheduleRequest, Scheduler } from './scheduler.js';
import { isUsable } from './scheduler.js';

export const MH_TABLE_SIZE = 4093;

function fnv1a(words: readonly number[], seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const word of words) {
    for (let shift = 24; shift >= 0; shift -= 8) {
      hash = Math.imul(hash ^ ((word >>> shift) & 0xff), 0x01000193) >>> 0;
    }
  }
  return hash;
}

function destWords(dest: SimDestination): number[] {
  const parts = dest.address.split(/[.:]/).map((p) => parseInt(p || '0', dest.family === 'inet' ? 10 : 16));
  return [...parts, dest.port];
}

/** Maglev population: servers take turns claiming their next preferred free slot, `weight` claims a turn. */
function populate(dests: readonly SimDestination[]): (SimDestination | null)[] {
  const table: (SimDestination | null)[] = new Array<SimDestination | null>(MH_TABLE_SIZE).fill(null);
  const members = dests.filter((d) => d.lastWeight > 0);
  if (members.length === 0) return table;
  const divisor = members.map((d) => d.lastWeight).reduce((a, b) => (b === 0 ? a : gcdOf(a, b)));
  const plans = members.map((dest) => {
    const words = destWords(dest);
    return {
      dest,
      offset: fnv1a(words, 1) % MH_TABLE_SIZE,
      skip: (fnv1a(words, 2) % (MH_TABLE_SIZE - 1)) + 1,
      next: 0,
      turns: Math.max(1, Math.min(dest.lastWeight / divisor, MH_TABLE_SIZE)),
    };
  });
  let filled = 0;
  while (filled < MH_TABLE_SIZE) {
    for (const plan of plans) {
      for (let turn = 0; turn < plan.turns && filled < MH_TABLE_SIZE; turn++) {
        let slot = (plan.offset + plan.next * plan.skip) % MH_TABLE_SIZE;
        while (table[slot] !== null) slot = (plan.offset + ++plan.next * plan.skip) % MH_TABLE_SIZE;
        table[slot] = plan.dest;
        plan.next++;
        filled++;
      }
    }
  }
  return table;
}

function gcdOf(a: number, b: number): number {
  return b === 0 ? a : gcdOf(b, a % b);
}

function lookupHash(request: ScheduleRequest, port: number, offset: number): number {
  return (fnv1a([...request.clientWords, port], 3) + offset) % MH_TABLE_SIZE;
}

export function createMaglevHashing(svc: SimService): Scheduler {
  const table = populate(svc.destinations);
  const fallback = (svc.flagBits & IP_VS_SVC_F_SCHED1) !== 0;
  const usePort = (svc.flagBits & IP_VS_SVC_F_SCHED2) !== 0;
  return {
    pick(request) {
      const port = usePort ? request.clientPort : 0;
      const dest = table[lookupHash(request, port, 0)];
      if (dest && isUsable(dest)) return dest;
      if (!fallback) return null;
      for (let offset = 1; offset < MH_TABLE_SIZE; offset++) {
        const candidate = table[lookupHash(request, port, offset)];
        if (candidate && isUsable(candidate)) return candidate;
      }
      return null;
    },
  };
}
