// ipvsadm's listing order for a snapshot: the shared rule itself (ipvsadm-format/sort.ts: libipvs's
// comparators, bug for bug, sorted with glibc's merge sort). A specialised real-server sort that made no
// object per destination bought no figure (bench:netlink 2026-12-07 with the shared sort: ratio
// 0.152/0.203 vs 0.24/0.195, target 0.25) and is gone.
import {
  sortDestinationsLikeIpvsadm,
  sortServicesLikeIpvsadm,
  type DestinationKey,
  type ServiceKey,
} from '@ipvs-dashboard/shared';

/** Services in ipvsadm's order (a new array). */
export function sortServices<T extends { key: ServiceKey }>(services: readonly T[]): T[] {
  return sortServicesLikeIpvsadm(services);
}

/** dests[start, end) in ipvsadm's order (a new array). */
export function sortDestinations<T extends DestinationKey>(
  dests: readonly T[],
  start = 0,
  end = dests.length,
): T[] {
  return sortDestinationsLikeIpvsadm(start === 0 && end === dests.length ? dests : dests.slice(start, end));
}
