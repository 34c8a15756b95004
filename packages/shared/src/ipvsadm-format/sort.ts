// ipvsadm's sort order for -L and -S (libipvs ipvs_cmp_services / ipvs_cmp_dests, sorted by glibc qsort).
// The comparators subtract u32 values into an int, so values more than 2^31 apart compare "the wrong
// way round" (1.0.0.0 sorts after 200.0.0.0; fwmark 3000000000 before a TCP service). We reproduce that,
// and glibc's merge sort (msort.c, used by qsort in glibc <= 2.36) so the non-transitive order matches too.
import { addressWords, parseIpAddress } from '../ip-address.js';
import type { DestinationKey, ServiceKey } from '../model.js';

const AF_INET = 2;
const AF_INET6 = 10;
// IPPROTO_* from include/uapi/linux/in.h. A fwmark service's reply has no protocol attribute
// (ip_vs_genl_fill_service), so libipvs compares 0; it never decides an order, since fwmark comes first.
const protocolNumber = { tcp: 6, udp: 17, sctp: 132, fwmark: 0 } as const;

/** C: (int)(a - b) for unsigned 32-bit a and b. */
function intDifference(a: number, b: number): number {
  return (a - b) | 0;
}

/** What the comparators read of a key, computed once per entry rather than on every comparison. */
interface SortKey {
  fwmark: number;
  af: number;
  protocol: number;
  words: readonly number[];
  port: number;
}

const noAddress: readonly number[] = [0, 0, 0, 0];

function addressKey(address: string): { af: number; words: readonly number[] } {
  const parsed = parseIpAddress(address);
  if (!parsed) return { af: AF_INET, words: noAddress };
  return { af: parsed.family === 'inet6' ? AF_INET6 : AF_INET, words: addressWords(parsed) };
}

function serviceSortKey(key: ServiceKey): SortKey {
  if (key.protocol === 'fwmark') {
    const af = key.family === 'inet6' ? AF_INET6 : AF_INET;
    return { fwmark: key.fwmark, af, protocol: protocolNumber.fwmark, words: noAddress, port: 0 };
  }
  const { af, words } = addressKey(key.address);
  return { fwmark: 0, af, protocol: protocolNumber[key.protocol], words, port: key.port };
}

function destinationSortKey(key: DestinationKey): SortKey {
  const { af, words } = addressKey(key.address);
  return { fwmark: 0, af, protocol: 0, words, port: key.port };
}

/** The address comparison both comparators share: four words for IPv6 (by the left side's family). */
function compareAddresses(left: SortKey, right: SortKey): number {
  const count = left.af === AF_INET6 ? 4 : 1;
  for (let i = 0; i < count; i++) {
    const difference = intDifference(left.words[i] ?? 0, right.words[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** libipvs ipvs_cmp_services: fwmark, family, protocol, address, port. */
function compareServiceSortKeys(a: SortKey, b: SortKey): number {
  const fwmark = intDifference(a.fwmark, b.fwmark);
  if (fwmark !== 0) return fwmark;
  if (a.af !== b.af) return a.af - b.af;
  const protocol = a.protocol - b.protocol;
  if (protocol !== 0) return protocol;
  const address = compareAddresses(a, b);
  return address !== 0 ? address : a.port - b.port;
}

/** libipvs ipvs_cmp_dests: address, port. */
function compareDestinationSortKeys(a: SortKey, b: SortKey): number {
  const address = compareAddresses(a, b);
  return address !== 0 ? address : a.port - b.port;
}

export function compareServiceKeys(a: ServiceKey, b: ServiceKey): number {
  return compareServiceSortKeys(serviceSortKey(a), serviceSortKey(b));
}

export function compareDestinationKeys(a: DestinationKey, b: DestinationKey): number {
  return compareDestinationSortKeys(destinationSortKey(a), destinationSortKey(b));
}

/** Sorts items[start, start + n) in place through `tmp`, as glibc msort_with_tmp does. */
function mergeSortRange<T>(items: T[], start: number, n: number, tmp: T[], compare: (a: T, b: T) => number) {
  if (n <= 1) return;
  const n1 = Math.floor(n / 2);
  mergeSortRange(items, start, n1, tmp, compare);
  mergeSortRange(items, start + n1, n - n1, tmp, compare);
  let i = start;
  let j = start + n1;
  const leftEnd = j;
  const end = start + n;
  let k = 0;
  while (i < leftEnd && j < end) {
    tmp[k++] = compare(items[i] as T, items[j] as T) <= 0 ? (items[i++] as T) : (items[j++] as T);
  }
  while (i < leftEnd) tmp[k++] = items[i++] as T;
  // What is left of the right half is already in place.
  for (let m = 0; m < k; m++) items[start + m] = tmp[m] as T;
}

/** glibc msort_with_tmp: top-down merge sort, halves n/2 and n - n/2, ties keep the left element. */
export function glibcMergeSort<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  const sorted = items.slice();
  mergeSortRange(sorted, 0, sorted.length, new Array<T>(sorted.length), compare);
  return sorted;
}

function sortByKeys<T>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  compare: typeof compareServiceSortKeys,
) {
  const decorated = items.map((item) => ({ item, key: keyOf(item) }));
  return glibcMergeSort(decorated, (a, b) => compare(a.key, b.key)).map(({ item }) => item);
}

/** Services in the order ipvsadm -L / -S prints them. */
export function sortServicesLikeIpvsadm<T extends { key: ServiceKey }>(services: readonly T[]): T[] {
  return sortByKeys(services, (service) => serviceSortKey(service.key), compareServiceSortKeys);
}

/** Real servers in the order ipvsadm -L / -S prints them. */
export function sortDestinationsLikeIpvsadm<T extends DestinationKey>(destinations: readonly T[]): T[] {
  return sortByKeys(destinations, destinationSortKey, compareDestinationSortKeys);
}
