// Addresses and ports as ipvsadm -R reads them (ipvsadm.c parse_service): `[v6]:port` (port required),
// bare IPv6 (no port), IPv4 in inet_aton forms (10.1 = 10.0.0.1) with an optional `:port`, ports as
// numbers or /etc/services names. Host names would need DNS, which the shared package does not have.
import { formatIpAddress, parseIpAddress, parseIpv6, type IpAddress } from '../ip-address.js';
import type { Protocol } from '../model.js';
import { portOfServiceName } from './service-names.js';

function inetAtonPart(text: string): number | null {
  if (/^0x[0-9a-f]+$/i.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return parseInt(text, 8);
  if (/^[1-9]\d*$/.test(text)) return Number(text);
  return null;
}

/** glibc inet_aton: 1-4 parts, decimal/octal/hex, the last part fills the remaining bytes. */
export function parseInetAton(text: string): IpAddress | null {
  const parts = text.split('.');
  if (parts.length > 4) return null;
  const values = parts.map(inetAtonPart);
  const bytes: number[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null) return null;
    if (index < values.length - 1) {
      if (value > 255) return null;
      bytes.push(value);
      continue;
    }
    const width = 4 - index;
    if (value >= 2 ** (8 * width)) return null;
    for (let shift = width - 1; shift >= 0; shift--) bytes.push(Math.floor(value / 2 ** (8 * shift)) % 256);
  }
  return { family: 'inet', bytes };
}

export interface HostPort {
  address: string;
  family: 'inet' | 'inet6';
  /** undefined when the text had no port. */
  port: number | undefined;
}

function parsePort(text: string, protocol: Protocol): number | string {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return value <= 65535 ? value : `port ${text} is out of range 0-65535`;
  }
  return portOfServiceName(text, protocol) ?? `unknown ${protocol} service name "${text}"`;
}

/** The address and port of `-t/-u/--sctp-service/-r` values, or an error sentence. */
export function parseRestoreHostPort(text: string, protocol: Protocol): HostPort | string {
  if (/^\d*$/.test(text)) return `"${text}" is not an address`;
  const colon = text.indexOf(':');
  if (colon > 0 && text.indexOf(':', colon + 1) < 0) {
    // One colon cannot be IPv6 (that needs "::" or seven): IPv4 and a port, what ipvsadm -S writes.
    // A strict dotted quad is already in canonical form; other inet_aton forms take the general path.
    const host = text.slice(0, colon);
    if (parseIpAddress(host)?.family === 'inet') {
      const port = parsePort(text.slice(colon + 1), protocol);
      return typeof port === 'string' ? port : { address: host, family: 'inet', port };
    }
  }
  let host = text;
  let portText: string | undefined;
  if (text.startsWith('[')) {
    const match = /^\[([^\]]*)\]:(.*)$/.exec(text);
    if (!match) return `"${text}": a bracketed IPv6 address needs a port, as [2001:db8::1]:80`;
    host = match[1] ?? '';
    portText = match[2] ?? '';
  }
  const v6 = parseIpv6(host);
  if (!v6 && portText !== undefined) return `"${host}" in brackets must be an IPv6 address`;
  if (!v6) {
    const colon = host.lastIndexOf(':');
    if (colon >= 0) {
      portText = host.slice(colon + 1);
      host = host.slice(0, colon);
    }
  }
  const address = v6 ?? parseInetAton(host);
  if (!address) return `"${host}" is not an IPv4 or IPv6 address (host names are not resolved here)`;
  const port = portText === undefined ? undefined : parsePort(portText, protocol);
  if (typeof port === 'string') return port;
  return { address: formatIpAddress(address), family: address.family, port };
}
