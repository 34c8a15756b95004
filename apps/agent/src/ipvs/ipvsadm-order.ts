// ipvsadm's listing order (libipvs ipvs_cmp_services / ipvs_cmp_dests): services by fwmark, AF, protocol,
// address, port; destinations by address, port. Reproduced bug for bug: the C code subtracts u32 values
// and returns the int result, so values more than 2^31 apart compare "the wrong way round"
// (192.168.0.1 sorts before 10.0.0.1). Doing the same keeps our order identical to `ipvsadm -Sn`. Because
// that comparison is not transitive (10.x < 100.x < 192.x < 10.x), the order also depends on the sort
// algorithm: ipvsadm's qsort is glibc's merge sort, so that is what sorts here (the shared glibcMergeSort;
// V8's TimSort listed 100.0.0.1 before 172.16.0.1 where ipvsadm lists it last, seen in the guest).
import { glibcMergeSort, type Destination, type ServiceKey } from '@ipvs-dashboard/shared';
import { addressToBytes } from './address.js';
import { AF_INET, AF_INET6 } from './constants.js';
import { protocolNumber } from './service-key.js';

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

function compareWords(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const r = cSubtract(a[i] ?? 0, b[i] ?? 0);
    if (r !== 0) return r;
  }
  return 0;
}

interface ServiceSortKey {
  fwmark: number;
  af: number;
  protocol: number;
  words: number[];
  port: number;
}

function serviceSortKey(key: ServiceKey, inet6: boolean): ServiceSortKey {
  if (key.protocol === 'fwmark') {
    // A fwmark service has no protocol/address/port in the reply: libipvs leaves them zero.
    return { fwmark: key.fwmark, af: inet6 ? AF_INET6 : AF_INET, protocol: 0, words: [0, 0, 0, 0], port: 0 };
  }
  return {
    fwmark: 0,
    af: inet6 ? AF_INET6 : AF_INET,
    protocol: protocolNumber(key.protocol),
    words: addressWords(key.address, inet6),
    port: key.port,
  };
}

function compareServiceKeys(a: ServiceSortKey, b: ServiceSortKey): number {
  return (
    cSubtract(a.fwmark, b.fwmark) ||
    a.af - b.af ||
    a.protocol - b.protocol ||
    compareWords(a.words, b.words) ||
    a.port - b.port
  );
}

/** Sorts services (anything with `key` and `family`) in ipvsadm's order; returns a new array. */
export function sortServices<T extends { key: ServiceKey; family: 'inet' | 'inet6' }>(
  services: readonly T[],
): T[] {
  const keyed = services.map((s) => ({ s, k: serviceSortKey(s.key, s.family === 'inet6') }));
  return glibcMergeSort(keyed, (a, b) => compareServiceKeys(a.k, b.k)).map((entry) => entry.s);
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
