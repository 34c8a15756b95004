// A small, pure IPv4/IPv6 text parser and formatter (no Node `net`, no DOM): the shared package runs in the
// browser too. Formatting follows glibc inet_ntop, which is what ipvsadm prints, so ids and save text match.
import type { AddressFamily } from './model.js';

/** An address as the kernel stores it: 4 bytes (inet) or 16 bytes (inet6), network order. */
export interface IpAddress {
  family: AddressFamily;
  bytes: number[];
}

/**
 * Strict dotted quad: four decimal octets 0-255, no leading zeros (they mean octal to inet_aton).
 * Scanned by hand: restore texts and snapshots parse tens of thousands of addresses at a time.
 */
export function parseIpv4(text: string): IpAddress | null {
  const bytes: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 46; // a final '.' closes the last octet
    if (code === 46) {
      if (digits === 0 || value > 255 || bytes.length === 4) return null;
      bytes.push(value);
      value = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      if (digits === 1 && value === 0) return null; // leading zero
      value = value * 10 + (code - 48);
      if (++digits > 3) return null;
    } else {
      return null;
    }
  }
  return bytes.length === 4 ? { family: 'inet', bytes } : null;
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

/**
 * Addresses parsed before, by their text. The same few thousand addresses come back every second
 * (snapshots, ids, sorting) and 11 times each in a restore text; bounded so odd input cannot grow it.
 * Entries are frozen: every caller shares them.
 */
const parsedAddresses = new Map<string, IpAddress | null>();
const canonicalTexts = new Map<string, string | null>();
const rememberedLimit = 1 << 16;

function remember<T>(cache: Map<string, T>, text: string, value: T): T {
  if (cache.size >= rememberedLimit) cache.clear();
  cache.set(text, value);
  return value;
}

export function parseIpAddress(text: string): IpAddress | null {
  const known = parsedAddresses.get(text);
  if (known !== undefined) return known;
  const parsed = text.includes(':') ? parseIpv6(text) : parseIpv4(text);
  if (parsed) Object.freeze(Object.freeze(parsed).bytes);
  return remember(parsedAddresses, text, parsed);
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
  const known = canonicalTexts.get(text);
  if (known !== undefined) return known;
  const parsed = parseIpAddress(text);
  return remember(canonicalTexts, text, parsed ? formatIpAddress(parsed) : null);
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
