// ipvsadm's listing order for a snapshot. The rule lives in shared (ipvsadm-format/sort.ts: libipvs's
// comparators, bug for bug, sorted with glibc's merge sort); real servers are sorted here by a specialised
// form of it that makes no object per destination (a snapshot sorts 10,000 of them), held to the shared
// rule by a property test (__tests__/ipvsadm-order-glibc.test.ts).
import {
  glibcMergeSort,
  sortServicesLikeIpvsadm,
  type Destination,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import { addressToBytes } from '../codec/address.js';

/** Sign of `(int)(a - b)` for two u32 values, as C computes it. */
function cSubtract(a: number, b: number): number {
  return (a - b) | 0;
}

/** The u32 of a canonical dotted quad ("10.0.0.1"), or -1 for any other text. */
function dottedQuadValue(address: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code === 46) {
      if (digits === 0 || part > 255 || ++dots > 3) return -1;
      value = value * 0x100 + part;
      part = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57 && digits < 3) {
      part = part * 10 + (code - 48);
      digits++;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0 || part > 255) return -1;
  return value * 0x100 + part;
}

/** ntohl of the four 32-bit words of an nf_inet_addr (IPv4 uses only the first). */
function addressWords(address: string, inet6: boolean): number[] {
  if (!inet6) {
    // Canonical dotted quads (what unpack produces) are parsed in place, without a Buffer or substrings:
    // this runs 10,000 times per snapshot on the main thread.
    const value = dottedQuadValue(address);
    if (value >= 0) return [value];
  }
  const bytes = addressToBytes(address, inet6 ? 'inet6' : 'inet');
  return inet6
    ? [bytes.readUInt32BE(0), bytes.readUInt32BE(4), bytes.readUInt32BE(8), bytes.readUInt32BE(12)]
    : [bytes.readUInt32BE(0)];
}

/**
 * Services in ipvsadm's order: the shared rule itself (1,000 services a snapshot are cheap to sort);
 * only real servers, ten times as many, have a specialised form here.
 */
export function sortServices<T extends { key: ServiceKey }>(services: readonly T[]): T[] {
  return sortServicesLikeIpvsadm(services);
}

/** ntohl words of the addresses being sorted, 4 per destination (IPv4 fills one, the rest stay 0). */
let scratchWords = new Uint32Array(64 * 4);

/**
 * Sorts dests[start, end) in ipvsadm's order (a new array); the first one's family picks the comparison,
 * as in libipvs.
 */
export function sortDestinations<T extends Pick<Destination, 'address' | 'port' | 'family'>>(
  dests: readonly T[],
  start = 0,
  end = dests.length,
): T[] {
  // A snapshot sorts 1,000 lists of ~10: the address words go to one reused scratch array, so no object is
  // made per destination (less for the scavenger to copy); the merge sort moves indices.
  const length = Math.max(0, end - start);
  if (scratchWords.length < length * 4) scratchWords = new Uint32Array(length * 8);
  const words = scratchWords;
  for (let i = 0; i < length; i++) {
    const dest = dests[start + i] as T;
    const inet6 = dest.family === 'inet6';
    const quad = inet6 ? -1 : dottedQuadValue(dest.address);
    words.fill(0, i * 4, i * 4 + 4);
    if (quad >= 0) words[i * 4] = quad;
    else words.set(addressWords(dest.address, inet6), i * 4);
  }
  // Words past an IPv4 address read as 0, as the keyed version did; same comparator, same sort, same order.
  const compare = (a: number, b: number): number => {
    const count = dests[start + a]?.family === 'inet6' ? 4 : 1;
    for (let i = 0; i < count; i++) {
      const r = cSubtract(words[a * 4 + i] ?? 0, words[b * 4 + i] ?? 0);
      if (r !== 0) return r;
    }
    return (dests[start + a]?.port ?? 0) - (dests[start + b]?.port ?? 0);
  };
  const order: number[] = [];
  for (let i = 0; i < length; i++) order.push(i);
  const sorted = new Array<T>(length);
  const merged = glibcMergeSort(order, compare);
  for (let i = 0; i < length; i++) sorted[i] = dests[start + (merged[i] ?? 0)] as T;
  return sorted;
}
