// A small, pure IPv4/IPv6 text parser and formatter (no Node `net`, no DOM): the shared package runs in the
// browser too. Formatting follows glibc inet_ntop, which is what ipvsadm prints, so ids and save text match.
import type { AddressFamily } from './model.js';

/** An address as the kernel stores it: 4 bytes (inet) or 16 bytes (inet6), network order. */
export interface IpAddress {
  family: AddressFamily;
  bytes: number[];
}

const decimalOctet = /^(0|[1-9]\d{0,2})$/;

/** Strict dotted quad: four decimal octets 0-255, no leading zeros (they mean octal to inet_aton). */
export function parseIpv4(text: string): IpAddress | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!decimalOctet.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return { family: 'inet', bytes };
}

const hexGroup = /^[0-9a-fA-F]{1,4}$/;

function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return null;
      const [a = 0, b = 0, c = 0, d = 0] = v4.bytes;
      groups.push((a << 8) | b, (c << 8) | d);
    } else if (hexGroup.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return groups;
}

/** RFC 4291 text forms: full, `::`-compressed, and with a trailing dotted IPv4 part. */
export function parseIpv6(text: string): IpAddress | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  let groups: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return null;
  return { family: 'inet6', bytes: groups.flatMap((group) => [group >> 8, group & 0xff]) };
}

export function parseIpAddress(text: string): IpAddress | null {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

function formatIpv6(bytes: number[]): string {
  const words = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  // glibc inet_ntop6: compress the longest run (first on a tie) of two or more zero words.
  let bestBase = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && words[end] === 0) end++;
    if (end - i > bestLength) {
      bestBase = i;
      bestLength = end - i;
    }
    i = end;
  }
  if (bestLength < 2) bestBase = -1;
  // glibc prints IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) addresses dotted.
  const dottedTail = bestBase === 0 && (bestLength === 6 || (bestLength === 5 && words[5] === 0xffff));
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestBase) {
      text += ':';
      i += bestLength - 1;
      if (i === 7) text += ':';
      continue;
    }
    if (i > 0) text += ':';
    if (i === 6 && dottedTail) return text + bytes.slice(12, 16).join('.');
    text += (words[i] ?? 0).toString(16);
  }
  return text;
}

/** Canonical text: dotted quad, or compressed lowercase IPv6 exactly as inet_ntop prints it. */
export function formatIpAddress(address: IpAddress): string {
  return address.family === 'inet' ? address.bytes.join('.') : formatIpv6(address.bytes);
}

/** The canonical spelling of an address, or null when the text is not an IPv4/IPv6 address. */
export function canonicalAddress(text: string): string | null {
  const parsed = parseIpAddress(text);
  return parsed ? formatIpAddress(parsed) : null;
}

/** The address as the kernel's union nf_inet_addr: four host-order u32 words, IPv4 in word 0. */
export function addressWords(address: IpAddress): [number, number, number, number] {
  const bytes = [...address.bytes, ...new Array<number>(16 - address.bytes.length).fill(0)];
  const word = (i: number) =>
    (((bytes[i] ?? 0) << 24) |
      ((bytes[i + 1] ?? 0) << 16) |
      ((bytes[i + 2] ?? 0) << 8) |
      (bytes[i + 3] ?? 0)) >>>
    0;
  return [word(0), word(4), word(8), word(12)];
}
