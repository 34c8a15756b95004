// ipvsadm's listing order (libipvs ipvs_cmp_services / ipvs_cmp_dests): services by fwmark, AF, protocol,
// address, port; destinations by address, port. Reproduced bug for bug: the C code subtracts u32 values
// and returns the int result, so values more than 2^31 apart compare "the wrong way round"
// (192.168.0.1 sorts before 10.0.0.1). Doing the same keeps our order identical to `ipvsadm -Sn`.
import type { Destination, ServiceKey } from '@ipvs-dashboard/shared';
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
  keyed.sort((a, b) => compareServiceKeys(a.k, b.k));
  return keyed.map((entry) => entry.s);
}

/** ntohl words of the addresses being sorted, 4 per destination (IPv4 fills one, the rest stay 0). */
let scratchWords = new Uint32Array(64 * 4);

/**
 * Whether V8's Array#sort would see the whole list as one run (TimSort's CountAndMakeRun,
 * v8/third_party/v8/builtins/array-sort.tq): 1 ascending (kept as it is), -1 strictly descending (reversed),
 * 0 neither. In the first two cases the result is known, found with the very comparisons sort() makes.
 */
function singleRun(length: number, compare: (a: number, b: number) => number): number {
  if (length < 2) return 1;
  const descending = compare(1, 0) < 0;
  for (let i = 2; i < length; i++) {
    const order = compare(i, i - 1);
    if (descending ? order >= 0 : order < 0) return 0;
  }
  return descending ? -1 : 1;
}

/**
 * Sorts dests[start, end) in ipvsadm's order (a new array); the first one's family picks the comparison,
 * as in libipvs.
 */
export function sortDestinations<T extends Pick<Destination, 'address' | 'port' | 'family'>>(
  dests: readonly T[],
  start = 0,
  end = dests.length,
): T[] {
  // A snapshot sorts 1,000 lists of ~10: the address words go to one reused scratch array, so no object or
  // array is made per destination (less for the scavenger to copy). The kernel lists a service's real
  // servers newest first, so a list is usually one run, which needs no sort() (and none of its arrays).
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
  const run = singleRun(length, compare);
  const sorted = new Array<T>(length);
  if (run !== 0) {
    for (let i = 0; i < length; i++) sorted[i] = dests[run > 0 ? start + i : end - 1 - i] as T;
    return sorted;
  }
  const order: number[] = [];
  for (let i = 0; i < length; i++) order.push(i);
  order.sort(compare);
  for (let i = 0; i < length; i++) sorted[i] = dests[start + (order[i] ?? 0)] as T;
  return sorted;
}
