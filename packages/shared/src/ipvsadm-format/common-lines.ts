// The line ipvsadm -Sn writes ten thousand times in a saved table of 1,000 x 10, read directly:
// `-a -t|-u ADDR:PORT -r ADDR:PORT -g|-i|-m -w N [-x N] [-y N]` with dotted-quad addresses. Each such line
// otherwise goes through the general option reader and two schema parses; reading it directly makes a
// restore's parse several times cheaper. Anything else, and any value this reading is not sure of,
// returns null and takes the general path (parse-line.ts), which then accepts or refuses it. A property
// test holds both to the same result for every line this one accepts.
import { parseIpAddress } from '../ip-address.js';
import type { ForwardingMethod, Protocol } from '../model.js';
import { requiredDestinationPort } from '../schemas/destination.js';
import { INT_MAX } from '../schemas/primitives.js';
import type { IpvsadmCommand } from './commands.js';

const protocols: Readonly<Record<string, Protocol>> = { '-t': 'tcp', '-u': 'udp' };
const forwardings: Readonly<Record<string, ForwardingMethod>> = {
  '-g': 'route',
  '-i': 'tunnel',
  '-m': 'masq',
};

/** A decimal number within [min, max], or null (leading zeros are fine, as numberOf reads them). */
function decimal(text: string | undefined, min: number, max: number): number | null {
  if (text === undefined || text.length === 0 || text.length > 10) return null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return null;
  }
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** `a.b.c.d:port` with a strict dotted quad (already canonical) and a numeric port, or null. */
function ipv4HostPort(text: string | undefined, minPort: number): { address: string; port: number } | null {
  if (text === undefined) return null;
  const colon = text.indexOf(':');
  if (colon <= 0 || text.indexOf(':', colon + 1) >= 0) return null;
  const address = text.slice(0, colon);
  if (parseIpAddress(address)?.family !== 'inet') return null;
  const port = decimal(text.slice(colon + 1), minPort, 65535);
  return port === null ? null : { address, port };
}

/** The add-destination command of a common `-a` line, or null for the general path to decide. */
export function readCommonDestinationLine(tokens: readonly string[]): IpvsadmCommand | null {
  if (tokens.length < 8 || tokens[0] !== '-a' || tokens[3] !== '-r' || tokens[6] !== '-w') return null;
  const protocol = protocols[tokens[1] ?? ''];
  const forwarding = forwardings[tokens[5] ?? ''];
  const service = ipv4HostPort(tokens[2], 1);
  const real = ipv4HostPort(tokens[4], 0);
  const weight = decimal(tokens[7], 0, INT_MAX);
  if (!protocol || !forwarding || !service || !real || weight === null) return null;
  let upperThreshold = 0;
  let lowerThreshold = 0;
  let at = 8;
  if (tokens[at] === '-x') {
    const value = decimal(tokens[at + 1], 0, INT_MAX);
    if (value === null) return null;
    upperThreshold = value;
    at += 2;
  }
  if (tokens[at] === '-y') {
    const value = decimal(tokens[at + 1], 0, INT_MAX);
    if (value === null) return null;
    lowerThreshold = value;
    at += 2;
  }
  if (at !== tokens.length || lowerThreshold > upperThreshold) return null;
  const key = { protocol, address: service.address, port: service.port };
  return {
    kind: 'add-destination',
    service: key,
    destination: {
      address: real.address,
      // As ipvsadm -R: gatewaying and tunnelling real servers take the service port.
      port: requiredDestinationPort(key, forwarding) ?? real.port,
      forwarding,
      weight,
      upperThreshold,
      lowerThreshold,
      tunnelType: 'ipip',
      tunnelPort: 0,
      tunnelChecksum: 'nocsum',
    },
  };
}
