// Persistence netmasks: IPv4 services use a dotted mask, IPv6 services a prefix length (ipvsadm -M).
import { parseIpv4 } from '../ip-address.js';
import type { AddressFamily } from '../model.js';

/** ipvsadm's default: persistence per client address (include/uapi/linux/ip_vs.h has no constant). */
export function defaultNetmask(family: AddressFamily): string {
  return family === 'inet' ? '255.255.255.255' : '128';
}

/** Prefix length of a contiguous dotted mask, or null when the text is not one. */
export function dottedMaskPrefix(text: string): number | null {
  const parsed = parseIpv4(text);
  if (!parsed) return null;
  const [a = 0, b = 0, c = 0, d = 0] = parsed.bytes;
  const bits = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  const prefix = 32 - Math.log2(2 ** 32 - bits);
  return Number.isInteger(prefix) ? prefix : null;
}

export function dottedMaskFromPrefix(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [bits >>> 24, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff, bits & 0xff].join('.');
}

/**
 * Why a netmask does not suit the family, or null when it does. `anyDottedMask` takes non-contiguous
 * IPv4 masks too, as ipvsadm -R and the kernel do (UML guest: `-M 255.0.255.0` kept as given).
 */
export function netmaskProblem(
  netmask: string,
  family: AddressFamily,
  options: { anyDottedMask?: boolean } = {},
): string | null {
  if (family === 'inet') {
    if (options.anyDottedMask && parseIpv4(netmask)) return null;
    return dottedMaskPrefix(netmask) === null
      ? `"${netmask}" must be a contiguous dotted IPv4 mask such as 255.255.255.0 (IPv4 service)`
      : null;
  }
  const prefix = /^[1-9]\d{0,2}$/.test(netmask) ? Number(netmask) : NaN;
  return prefix >= 1 && prefix <= 128
    ? null
    : `"${netmask}" must be an IPv6 prefix length 1-128 (IPv6 service)`;
}
