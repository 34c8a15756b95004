// Turns the service options of one restore line into a ServiceKey / ServiceInput, with ipvsadm's
// defaults (wlc, bare -p = 360 s: IPVS_SVC_PERSISTENT_TIMEOUT in ipvsadm.c) and our schema's checks.
import { formatIpAddress } from '../ip-address.js';
import type { Protocol, ServiceInput, ServiceKey } from '../model.js';
import { restoredServiceInputSchema } from '../schemas/service.js';
import { parseInetAton, parseRestoreHostPort } from './host-port.js';
import { numberOf, textOf, type ReadOptions } from './read-options.js';
import { LineProblem } from './restore-error.js';

const bareFlagTimeout = 360;

const optionOfField: Record<string, string> = {
  protocol: 'service',
  address: 'address',
  port: 'port',
  fwmark: '-f',
  scheduler: '-s',
  schedulerFlags: '-b',
  persistence: '-p',
  netmask: '-M',
  persistenceEngine: '--pe',
  onePacket: '-o',
  weight: '-w',
  upperThreshold: '-x',
  lowerThreshold: '-y',
  forwarding: '-g/-i/-m',
  tunnelType: '--tun-type',
  tunnelPort: '--tun-port',
  tunnelChecksum: '--tun-nocsum/--tun-csum/--tun-remcsum',
};

/** "field: message" from the schemas, spelled with the ipvsadm option the user typed. */
export function problemOf(field: string, message: string): LineProblem {
  return new LineProblem(`${optionOfField[field] ?? field}: ${message}`);
}

/**
 * ipvsadm 1.31 prints fwmarks with %d, so `ipvsadm -Sn` writes marks from 2^31 up as negative numbers
 * (seen in the UML guest: mark 2508682465 saved as `-f -1786284831`) and its own -R then refuses them.
 * We read them back as the unsigned mark they stand for.
 */
function readFwmark(text: string): number | null {
  if (!/^-?\d+$/.test(text)) return null;
  const value = Number(text);
  if (value >= 1 && value <= 0xffffffff) return value;
  return value < 0 && value >= -0x80000000 ? value + 0x100000000 : null;
}

/** The service a line names, or undefined when it names none. */
export function readServiceKey(options: ReadOptions): ServiceKey | undefined {
  const given = (['tcp-service', 'udp-service', 'sctp-service', 'fwmark-service'] as const).filter((name) =>
    options.values.has(name),
  );
  if (given.length > 1) throw new LineProblem('give only one of -t, -u, --sctp-service, -f');
  const ipv6 = options.values.has('ipv6');
  const [kind] = given;
  if (kind === undefined) {
    if (ipv6) throw new LineProblem('-6 only applies to a fwmark service (-f)');
    return undefined;
  }
  if (kind === 'fwmark-service') {
    const fwmark = readFwmark(textOf(options, kind) ?? '');
    if (fwmark === null) throw new LineProblem('-f: fwmark must be 1-4294967295');
    return { protocol: 'fwmark', fwmark, family: ipv6 ? 'inet6' : 'inet' };
  }
  if (ipv6) throw new LineProblem('-6 only applies to a fwmark service (-f); bracket IPv6 addresses instead');
  const protocol: Protocol = kind === 'tcp-service' ? 'tcp' : kind === 'udp-service' ? 'udp' : 'sctp';
  const hostPort = parseRestoreHostPort(textOf(options, kind) ?? '', protocol);
  if (typeof hostPort === 'string') throw new LineProblem(`${options.spelling.get(kind)}: ${hostPort}`);
  return { protocol, address: hostPort.address, port: hostPort.port ?? 0 };
}

export function requireServiceKey(options: ReadOptions, command: string): ServiceKey {
  const key = readServiceKey(options);
  if (!key) throw new LineProblem(`${command} needs a service: -t, -u, --sctp-service or -f`);
  return key;
}

/** -M: a dotted mask (inet_aton forms) for IPv4 services, a prefix length for IPv6 ones. */
function readNetmask(options: ReadOptions): string | undefined {
  const text = textOf(options, 'netmask');
  if (text === undefined || /^\d+$/.test(text)) return text;
  const mask = parseInetAton(text);
  if (!mask) throw new LineProblem(`-M: "${text}" is not a netmask`);
  return formatIpAddress(mask);
}

export function buildServiceInput(options: ReadOptions, command: string): ServiceInput {
  const key = requireServiceKey(options, command);
  const persistent = options.values.get('persistent');
  const persistence = persistent === true ? bareFlagTimeout : (numberOf(options, 'persistent') ?? 0);
  if (persistent !== undefined && persistence === 0) throw new LineProblem('-p: timeout must be 1-2678400');
  const scheduler = textOf(options, 'scheduler') ?? 'wlc';
  const flags = textOf(options, 'sched-flags')?.split(',') ?? [];
  const result = restoredServiceInputSchema.safeParse({
    ...key,
    scheduler,
    schedulerFlags: flags,
    persistence,
    ...(options.values.has('netmask') ? { netmask: readNetmask(options) } : {}),
    persistenceEngine: textOf(options, 'pe') ?? null,
    onePacket: options.values.has('ops'),
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw problemOf(String(issue?.path[0] ?? 'service'), issue?.message ?? 'is not valid');
  }
  return result.data;
}
