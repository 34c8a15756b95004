// sh (ip_vs_sh.c) and dh (ip_vs_dh.c): static 256-bucket tables (IP_VS_SH_TAB_BITS / IP_VS_DH_TAB_BITS 8).
// sh fills the buckets walking the list with each server taking `weight` buckets in a row (at least one);
// dh gives each server one bucket in turn. sh hashes the client address (plus source port with sh-port),
// dh the address the client asked for. An unusable hashed server means no server, unless sh-fallback
// (SCHED1) makes sh probe the following hash offsets.
import { IP_VS_SVC_F_SCHED1, IP_VS_SVC_F_SCHED2 } from '@ipvs-dashboard/shared';
import type { SimDestination, SimService } from '../sim-state.js';
import type { ScheduleRequest, Scheduler } from './scheduler.js';
import { foldAddress, hash32, isUsable } from './scheduler.js';

const TABLE_BITS = 8;
const TABLE_SIZE = 1 << TABLE_BITS;

function fillBuckets(
  dests: readonly SimDestination[],
  share: (d: SimDestination) => number,
): SimDestination[] {
  const buckets: SimDestination[] = [];
  if (dests.length === 0) return buckets;
  let index = 0;
  let taken = 0;
  for (let bucket = 0; bucket < TABLE_SIZE; bucket++) {
    const dest = dests[index] as SimDestination;
    buckets.push(dest);
    if (++taken >= share(dest)) {
      index = (index + 1) % dests.length;
      taken = 0;
    }
  }
  return buckets;
}

/** ip_vs_sh_hashkey: (offset + hash_32(port + ntohl(addr_fold), 8)) & 255. */
function shHash(request: ScheduleRequest, port: number, offset: number): number {
  return (offset + hash32((port + foldAddress(request.clientWords)) >>> 0, TABLE_BITS)) & (TABLE_SIZE - 1);
}

export function createSourceHashing(svc: SimService): Scheduler {
  const buckets = fillBuckets(svc.destinations, (d) => d.settings.weight);
  const fallback = (svc.flagBits & IP_VS_SVC_F_SCHED1) !== 0;
  const usePort = (svc.flagBits & IP_VS_SVC_F_SCHED2) !== 0;
  return {
    pick(request) {
      if (buckets.length === 0) return null;
      const port = usePort ? request.clientPort : 0;
      const first = shHash(request, port, 0);
      const dest = buckets[first] as SimDestination;
      if (isUsable(dest)) return dest;
      if (!fallback) return null;
      for (let offset = 0; offset < TABLE_SIZE; offset++) {
        const candidate = buckets[shHash(request, port, (offset + first) % TABLE_SIZE)] as SimDestination;
        if (isUsable(candidate)) return candidate;
      }
      return null;
    },
  };
}

/** dh hashes like sh, hash_32(ntohl(addr_fold), 8) without a port; the 6.1 guest agreed (see tests). */
export function createDestinationHashing(svc: SimService): Scheduler {
  const buckets = fillBuckets(svc.destinations, () => 1);
  return {
    pick(request) {
      if (buckets.length === 0) return null;
      const dest = buckets[hash32(foldAddress(request.virtualWords), TABLE_BITS)];
      return dest && isUsable(dest) ? dest : null;
    },
  };
}
