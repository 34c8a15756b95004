// Address <-> bytes for IPVS's 16-byte `union nf_inet_addr` (IPv4 in bytes 0..3, rest zero; ip_vs.h),
// and canonical text: IPv4 dotted, IPv6 compressed lowercase exactly as Node's URL prints it.
import { isIPv4, isIPv6 } from 'node:net';
import { AppError, parseIpAddress } from '@ipvs-dashboard/shared';
import type { AddressFamily } from '@ipvs-dashboard/shared';

/** The family of an address string, or null when it is neither IPv4 nor IPv6. */
export function familyOf(address: string): AddressFamily | null {
  if (isIPv4(address)) return 'inet';
  if (isIPv6(address)) return 'inet6';
  return null;
}

/** Family of an address the user gave; a clear VALIDATION_FAILED naming `field` otherwise. */
export function requireFamily(address: string, field: string): AddressFamily {
  const family = familyOf(address);
  if (family === null) {
    throw new AppError('VALIDATION_FAILED', `${field} "${address}" is not an IPv4 or IPv6 address.`, {
      field,
    });
  }
  return family;
}

/** A dotted quad the caller has checked, into 4 bytes (the shared parser remembers addresses it has read). */
function ipv4Into(address: string, out: Buffer, offset: number): void {
  const bytes = parseIpAddress(address)?.bytes ?? [];
  for (let i = 0; i < 4; i++) out[offset + i] = bytes[i] ?? 0;
}

function parseGroups(text: string): number[] {
  if (text === '') return [];
  const groups: number[] = [];
  for (const part of text.split(':')) {
    if (part.includes('.')) {
      const bytes = Buffer.alloc(4);
      ipv4Into(part, bytes, 0);
      groups.push(bytes.readUInt16BE(0), bytes.readUInt16BE(2));
    } else {
      groups.push(parseInt(part, 16));
    }
  }
  return groups;
}

/** 16 bytes in network order; IPv4 fills bytes 0..3 (not IPv4-mapped, reference §4.5). */
export function addressToBytes(address: string, family: AddressFamily): Buffer {
  const out = Buffer.alloc(16);
  if (family === 'inet') {
    if (!isIPv4(address)) throw new AppError('VALIDATION_FAILED', `"${address}" is not an IPv4 address.`);
    ipv4Into(address, out, 0);
    return out;
  }
  if (!isIPv6(address)) throw new AppError('VALIDATION_FAILED', `"${address}" is not an IPv6 address.`);
  const gap = address.indexOf('::');
  const head = parseGroups(gap < 0 ? address : address.slice(0, gap));
  const tail = gap < 0 ? [] : parseGroups(address.slice(gap + 2));
  const groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  groups.forEach((group, i) => out.writeUInt16BE(group, i * 2));
  return out;
}

/** Dotted quad of 4 bytes at `offset`. */
/**
 * Dotted quads already made, by address: a snapshot formats the same 10,000 real-server addresses every
 * poll, and reusing the strings spares the main thread that much garbage-collection work. Bounded.
 */
const ipv4Texts = new Map<number, string>();
const IPV4_TEXTS_MAX = 1 << 16;

export function ipv4FromBytes(bytes: Buffer, offset = 0): string {
  const a = bytes[offset] ?? 0;
  const b = bytes[offset + 1] ?? 0;
  const c = bytes[offset + 2] ?? 0;
  const d = bytes[offset + 3] ?? 0;
  const key = a * 0x100_0000 + b * 0x1_0000 + c * 0x100 + d;
  const known = ipv4Texts.get(key);
  if (known !== undefined) return known;
  if (ipv4Texts.size >= IPV4_TEXTS_MAX) ipv4Texts.clear();
  const text = `${a}.${b}.${c}.${d}`;
  ipv4Texts.set(key, text);
  return text;
}

/** RFC 5952 text of 16 bytes: longest run (>= 2) of zero groups becomes "::", first run on a tie. */
export function ipv6FromBytes(bytes: Buffer, offset = 0): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(bytes.readUInt16BE(offset + i * 2));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > bestLength) {
      bestStart = i;
      bestLength = end - i;
    }
    i = end;
  }
  const hex = (list: number[]): string => list.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/** Canonical text of an nf_inet_addr; the family decides, never the bytes (reference §4.5). */
export function addressFromBytes(bytes: Buffer, family: AddressFamily): string {
  return addressAt(bytes, 0, family);
}

/** Canonical text of the nf_inet_addr at `offset` of `buf`. */
export function addressAt(buf: Buffer, offset: number, family: AddressFamily): string {
  return family === 'inet' ? ipv4FromBytes(buf, offset) : ipv6FromBytes(buf, offset);
}
