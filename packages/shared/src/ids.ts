// Service and real-server identifiers as they appear in API paths (docs/api.md): `tcp:10.0.0.1:80`,
// `tcp:[2001:db8::1]:80`, `fwmark:7`, `fwmark6:8`; `10.0.1.2:80`, `[2001:db8::10]:80`. Addresses are canonical.
import { AppError } from './errors.js';
import { canonicalAddress, formatIpAddress, parseIpAddress } from './ip-address.js';
import type { AddressFamily, DestinationKey, Protocol, ServiceKey } from './model.js';

const protocols: readonly Protocol[] = ['tcp', 'udp', 'sctp'];
const maxFwmark = 0xffffffff;

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${message}`, { field });
}

function parseDecimal(text: string, max: number): number | null {
  if (!/^(0|[1-9]\d*)$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

/** `addr:port`, IPv6 in brackets, address in canonical form. */
export function formatHostPort(address: string, port: number): string {
  const text = canonicalAddress(address);
  if (text === null) throw invalid('address', `"${address}" is not an IPv4 or IPv6 address`);
  return text.includes(':') ? `[${text}]:${port}` : `${text}:${port}`;
}

/** The reverse of formatHostPort; the address comes back canonical. */
export function parseHostPort(text: string, field = 'id'): DestinationKey {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):([^:]+)$/.exec(text);
  const rawAddress = match?.[1] ?? match?.[2];
  const rawPort = match?.[3];
  if (rawAddress === undefined || rawPort === undefined) {
    throw invalid(field, `"${text}" is not address:port (IPv6 as [address]:port)`);
  }
  const parsed = parseIpAddress(rawAddress);
  if (!parsed || (parsed.family === 'inet6') !== (match?.[1] !== undefined)) {
    throw invalid(field, `"${rawAddress}" is not an IPv4 address or a bracketed IPv6 address`);
  }
  const port = parseDecimal(rawPort, 65535);
  if (port === null) throw invalid(field, `port "${rawPort}" must be a number 0-65535`);
  return { address: formatIpAddress(parsed), port };
}

export function serviceFamily(key: ServiceKey): AddressFamily {
  if (key.protocol === 'fwmark') return key.family;
  return key.address.includes(':') ? 'inet6' : 'inet';
}

export function serviceId(key: ServiceKey): string {
  if (key.protocol === 'fwmark') return `${key.family === 'inet6' ? 'fwmark6' : 'fwmark'}:${key.fwmark}`;
  return `${key.protocol}:${formatHostPort(key.address, key.port)}`;
}

export function parseServiceId(id: string): ServiceKey {
  const colon = id.indexOf(':');
  const kind = colon < 0 ? id : id.slice(0, colon);
  const rest = colon < 0 ? '' : id.slice(colon + 1);
  if (kind === 'fwmark' || kind === 'fwmark6') {
    const fwmark = parseDecimal(rest, maxFwmark);
    if (fwmark === null || fwmark === 0) throw invalid('service', `fwmark "${rest}" must be 1-4294967295`);
    return { protocol: 'fwmark', fwmark, family: kind === 'fwmark6' ? 'inet6' : 'inet' };
  }
  const protocol = protocols.find((candidate) => candidate === kind);
  if (!protocol) {
    throw invalid('service', `"${id}" must start with tcp:, udp:, sctp:, fwmark: or fwmark6:`);
  }
  return { protocol, ...parseHostPort(rest, 'service') };
}

export function destinationId(key: DestinationKey): string {
  return formatHostPort(key.address, key.port);
}

export function parseDestinationId(id: string): DestinationKey {
  return parseHostPort(id, 'destination');
}

/** True when both keys name the same service (addresses compared canonically). */
export function sameServiceKey(a: ServiceKey, b: ServiceKey): boolean {
  if (a.protocol === 'fwmark' || b.protocol === 'fwmark') {
    return (
      a.protocol === 'fwmark' && b.protocol === 'fwmark' && a.fwmark === b.fwmark && a.family === b.family
    );
  }
  return (
    a.protocol === b.protocol &&
    a.port === b.port &&
    canonicalAddress(a.address) === canonicalAddress(b.address)
  );
}

/** True when both keys name the same real server (addresses compared canonically). */
export function sameDestinationKey(a: DestinationKey, b: DestinationKey): boolean {
  return a.port === b.port && canonicalAddress(a.address) === canonicalAddress(b.address);
}
