// ipvsadm's sort order for -L and -S (libipvs ipvs_cmp_services / ipvs_cmp_dests, sorted by glibc qsort).
// The comparators subtract u32 values into an int, so values more than 2^31 apart compare "the wrong
// way round" (1.0.0.0 sorts after 200.0.0.0; fwmark 3000000000 before a TCP service). We reproduce that,
// and glibc's merge sort (msort.c, used by qsort in glibc <= 2.36) so the non-transitive order matches too.
import { addressWords, parseIpAddress } from '../ip-address.js';
import type { DestinationKey, ServiceKey } from '../model.js';

const AF_INET = 2;
const AF_INET6 = 10;
// IPPROTO_* from include/uapi/linux/in.h; the kernel stores fwmark services as TCP (ip_vs_genl_parse_service).
const protocolNumber = { tcp: 6, udp: 17, sctp: 132, fwmark: 6 } as const;

/** C: (int)(a - b) for unsigned 32-bit a and b. */
function intDifference(a: number, b: number): number {
  return (a - b) | 0;
}

function wordsOf(address: string): { af: number; words: number[] } {
  const parsed = parseIpAddress(address);
  if (!parsed) return { af: AF_INET, words: [0, 0, 0, 0] };
  return { af: parsed.family === 'inet6' ? AF_INET6 : AF_INET, words: addressWords(parsed) };
}

/** The address comparison both comparators share: four words for IPv6 (by the left side's family). */
function compareAddresses(left: { af: number; words: number[] }, right: { words: number[] }): number {
  const count = left.af === AF_INET6 ? 4 : 1;
  for (let i = 0; i < count; i++) {
    const difference = intDifference(left.words[i] ?? 0, right.words[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function compareServiceKeys(a: ServiceKey, b: ServiceKey): number {
  const fwmark = intDifference(
    a.protocol === 'fwmark' ? a.fwmark : 0,
    b.protocol === 'fwmark' ? b.fwmark : 0,
  );
  if (fwmark !== 0) return fwmark;
  const left =
    a.protocol === 'fwmark'
      ? { af: a.family === 'inet6' ? AF_INET6 : AF_INET, words: [0, 0, 0, 0] }
      : wordsOf(a.address);
  const right =
    b.protocol === 'fwmark'
      ? { af: b.family === 'inet6' ? AF_INET6 : AF_INET, words: [0, 0, 0, 0] }
      : wordsOf(b.address);
  if (left.af !== right.af) return left.af - right.af;
  const protocol = protocolNumber[a.protocol] - protocolNumber[b.protocol];
  if (protocol !== 0) return protocol;
  const address = compareAddresses(left, right);
  if (address !== 0) return address;
  return (a.protocol === 'fwmark' ? 0 : a.port) - (b.protocol === 'fwmark' ? 0 : b.port);
}

export function compareDestinationKeys(a: DestinationKey, b: DestinationKey): number {
  const address = compareAddresses(wordsOf(a.address), wordsOf(b.address));
  return address !== 0 ? address : a.port - b.port;
}

/** glibc msort_with_tmp: top-down merge sort, halves n/2 and n - n/2, ties keep the left element. */
export function glibcMergeSort<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return [...items];
  const half = Math.floor(items.length / 2);
  const left = glibcMergeSort(items.slice(0, half), compare);
  const right = glibcMergeSort(items.slice(half), compare);
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    merged.push(compare(left[i] as T, right[j] as T) <= 0 ? (left[i++] as T) : (right[j++] as T));
  }
  return [...merged, ...left.slice(i), ...right.slice(j)];
}

/** Services in the order ipvsadm -L / -S prints them. */
export function sortServicesLikeIpvsadm<T extends { key: ServiceKey }>(services: readonly T[]): T[] {
  return glibcMergeSort(services, (a, b) => compareServiceKeys(a.key, b.key));
}

/** Real servers in the order ipvsadm -L / -S prints them. */
export function sortDestinationsLikeIpvsadm<T extends DestinationKey>(destinations: readonly T[]): T[] {
  return glibcMergeSort(destinations, compareDestinationKeys);
}
