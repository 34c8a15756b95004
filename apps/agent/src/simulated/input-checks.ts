// What the kernel (ip_vs_ctl.c) refuses, with the error code the kernel client gives for the same errno;
// plus the shape checks any client makes before encoding. Every check runs before anything changes.
import { IP_VS_SVC_F_ONEPACKET } from '@ipvs-dashboard/shared';
import {
  AppError,
  checkedSchedulerFlagBits,
  formatIpAddress,
  parseIpAddress,
  schedulerNames,
} from '@ipvs-dashboard/shared';
import type {
  AddressFamily,
  DestinationInput,
  DestinationKey,
  DestinationSettings,
  ForwardingMethod,
  KernelCapabilities,
  ServiceKey,
  ServiceSettings,
} from '@ipvs-dashboard/shared';

/**
 * Schedulers of the project's real test kernel (Debian 6.1 UML): every in-tree one (shared
 * schedulerNames) but twos (CONFIG_IP_VS_TWOS unset); `none` is no scheduler module.
 */
export const SIMULATED_SCHEDULERS: readonly string[] = schedulerNames.filter(
  (name) => name !== 'twos' && name !== 'none',
);

/** The rest of that kernel: ip_vs_pe_sip, every tunnel type (6.1 > 5.3), IPv6. */
export const SIMULATED_CAPABILITIES = {
  persistenceEngines: ['sip'],
  tunnelTypes: ['ipip', 'gue', 'gre'],
  addressFamilies: ['inet', 'inet6'],
} as const satisfies Omit<KernelCapabilities, 'schedulers'>;

const U32_MAX = 0xffff_ffff;
const INT_MAX = 0x7fff_ffff;

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { field });
}

function requireInteger(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `${field} must be an integer from ${min} to ${max}.`);
  }
  return value;
}

function requireAddress(
  text: unknown,
  field: string,
): { family: AddressFamily; address: string; bytes: number[] } {
  const parsed = typeof text === 'string' ? parseIpAddress(text) : null;
  if (!parsed) throw invalid(field, `${field} "${String(text)}" is not an IPv4 or IPv6 address.`);
  return { family: parsed.family, address: formatIpAddress(parsed), bytes: parsed.bytes };
}

/** A service key with its address spelled canonically, and its family. */
export function checkServiceKey(key: ServiceKey): { key: ServiceKey; family: AddressFamily } {
  if (key.protocol === 'fwmark') {
    // fwmark 0 means "a port service" to the kernel (ip_vs_genl_parse_service).
    const fwmark = requireInteger(key.fwmark, 1, U32_MAX, 'fwmark');
    if (key.family !== 'inet' && key.family !== 'inet6')
      throw invalid('family', 'family must be inet or inet6.');
    return { key: { protocol: 'fwmark', fwmark, family: key.family }, family: key.family };
  }
  if (key.protocol !== 'tcp' && key.protocol !== 'udp' && key.protocol !== 'sctp') {
    throw invalid('protocol', 'protocol must be tcp, udp, sctp or fwmark.');
  }
  const { family, address } = requireAddress(key.address, 'address');
  const port = requireInteger(key.port, 0, 65535, 'port');
  return { key: { protocol: key.protocol, address, port }, family };
}

export interface CheckedServiceSettings {
  scheduler: string;
  flagBits: number;
  persistence: number;
  netmask: string;
  persistenceEngine: string | null;
}

function checkNetmask(netmask: unknown, family: AddressFamily): string {
  // "" = ipvsadm's default, /32 or /128, as the kernel client treats it.
  if (netmask === '') return family === 'inet' ? '255.255.255.255' : '128';
  if (family === 'inet') {
    const parsed = typeof netmask === 'string' ? parseIpAddress(netmask) : null;
    if (!parsed || parsed.family !== 'inet')
      throw invalid('netmask', 'An IPv4 netmask is a dotted quad like 255.255.255.0.');
    return formatIpAddress(parsed);
  }
  if (typeof netmask !== 'string' || !/^\d{1,3}$/.test(netmask)) {
    throw invalid('netmask', 'An IPv6 netmask is a prefix length like 64.');
  }
  // The kernel says -EINVAL outside 1..128 (ip_vs_add_service); the kernel client refuses it before sending.
  const prefix = Number(netmask);
  if (prefix < 1 || prefix > 128) {
    throw invalid('netmask', 'An IPv6 persistence netmask must be a prefix length from 1 to 128.');
  }
  return String(prefix);
}

export function checkServiceSettings(
  settings: ServiceSettings,
  family: AddressFamily,
): CheckedServiceSettings {
  const { scheduler, persistenceEngine } = settings;
  // Names the kernel client refuses before asking (SCHED_NAME is a NUL string of at most 15, PE_NAME 16).
  if (typeof scheduler !== 'string' || !/^[A-Za-z0-9_-]{1,15}$/.test(scheduler)) {
    throw invalid('scheduler', 'scheduler must be 1-15 letters, digits, "_" or "-".');
  }
  if (persistenceEngine !== null && !/^[A-Za-z0-9_-]{1,16}$/.test(String(persistenceEngine))) {
    throw invalid('persistenceEngine', 'persistenceEngine must be 1-16 letters, digits, "_" or "-".');
  }
  // An unknown scheduler or PE fails the module auto-load: -ENOENT (ip_vs_scheduler_get / ip_vs_pe_getbyname).
  if (typeof scheduler !== 'string' || !SIMULATED_SCHEDULERS.concat('none').includes(scheduler)) {
    throw new AppError(
      'SCHEDULER_NOT_FOUND',
      `Scheduler "${String(scheduler)}" is not available in this kernel.`,
      {
        field: 'scheduler',
      },
    );
  }
  if (persistenceEngine !== null && persistenceEngine !== 'sip') {
    throw new AppError(
      'SCHEDULER_NOT_FOUND',
      `Persistence engine "${String(persistenceEngine)}" is not available.`,
      {
        field: 'persistenceEngine',
      },
    );
  }
  if (!Array.isArray(settings.schedulerFlags))
    throw invalid('schedulerFlags', 'schedulerFlags must be a list.');
  let flagBits = checkedSchedulerFlagBits(scheduler, settings.schedulerFlags);
  if (typeof settings.onePacket !== 'boolean') throw invalid('onePacket', 'onePacket must be true or false.');
  if (settings.onePacket) flagBits |= IP_VS_SVC_F_ONEPACKET;
  return {
    scheduler,
    flagBits,
    persistence: requireInteger(settings.persistence, 0, U32_MAX, 'persistence'),
    netmask: checkNetmask(settings.netmask, family),
    persistenceEngine,
  };
}

const editableForwarding: readonly ForwardingMethod[] = ['route', 'tunnel', 'masq'];

/** ip_vs_ctl.c: a real server must be unicast or local (inet_addr_type / ipv6_addr_type), else -EINVAL. */
function isUnicast(family: AddressFamily, bytes: number[]): boolean {
  const first = bytes[0] ?? 0;
  if (family === 'inet6') return first !== 0xff && bytes.some((b) => b !== 0);
  const all = (value: number) => bytes.every((b) => b === value);
  return !all(0) && !all(255) && (first < 224 || first > 239);
}

/** A real server's identity with its address spelled canonically. */
export function checkDestinationKey(key: DestinationKey): DestinationKey {
  return {
    address: requireAddress(key.address, 'address').address,
    port: requireInteger(key.port, 0, 65535, 'port'),
  };
}

export interface CheckedDestination {
  address: string;
  port: number;
  family: AddressFamily;
  settings: DestinationSettings;
}

const untunnelled = { tunnelType: 'ipip', tunnelPort: 0, tunnelChecksum: 'nocsum' } as const;

/**
 * Tunnel settings matter only for tunnel forwarding: the kernel client sends TUN_* only then, so the kernel
 * stores ipip/0/nocsum otherwise. GUE without a port is -EINVAL in ip_vs_add_dest and GRE has no remote
 * checksum (ipvsadm refuses); the kernel client refuses both before sending, as VALIDATION_FAILED.
 */
function checkTunnel(
  input: DestinationInput,
): Pick<DestinationSettings, 'tunnelType' | 'tunnelPort' | 'tunnelChecksum'> {
  if (input.forwarding !== 'tunnel') return untunnelled;
  if (!['ipip', 'gue', 'gre'].includes(input.tunnelType)) {
    throw invalid('tunnelType', 'tunnelType must be ipip, gue or gre.');
  }
  if (!['nocsum', 'csum', 'remcsum'].includes(input.tunnelChecksum)) {
    throw invalid('tunnelChecksum', 'tunnelChecksum must be nocsum, csum or remcsum.');
  }
  const tunnelPort = requireInteger(input.tunnelPort, 0, 65535, 'tunnelPort');
  if (input.tunnelType === 'gue' && tunnelPort === 0)
    throw invalid('tunnelPort', 'A GUE tunnel needs a tunnel port.');
  if (input.tunnelType === 'gre' && input.tunnelChecksum === 'remcsum') {
    throw invalid('tunnelChecksum', 'GRE tunnels take nocsum or csum.');
  }
  return { tunnelType: input.tunnelType, tunnelPort, tunnelChecksum: input.tunnelChecksum };
}

/** Whole numbers >= 0; above INT_MAX the kernel's int reads negative: -ERANGE (ip_vs_ctl.c ip_vs_add_dest). */
function requireIntRange(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalid(field, `${field} must be a whole number >= 0.`);
  }
  if (value > INT_MAX) throw new AppError('OUT_OF_RANGE', `${field} must be at most 2147483647.`, { field });
  return value;
}

/** Checks a real server for a service of `serviceFamily`; `syncRunning` forbids mixed families. */
export function checkDestination(
  input: DestinationInput,
  serviceFamily: AddressFamily,
  syncRunning: boolean,
): CheckedDestination {
  const { family, address, bytes } = requireAddress(input.address, 'address');
  const port = requireInteger(input.port, 0, 65535, 'port');
  if (!editableForwarding.includes(input.forwarding)) {
    throw invalid('forwarding', 'forwarding must be route, tunnel or masq.');
  }
  const weight = requireIntRange(input.weight, 'weight');
  const upperThreshold = requireIntRange(input.upperThreshold, 'upperThreshold');
  const lowerThreshold = requireIntRange(input.lowerThreshold, 'lowerThreshold');
  // ERANGE when l_threshold > u_threshold, even when the upper one is 0 (= no limit).
  if (lowerThreshold > upperThreshold) {
    throw new AppError('OUT_OF_RANGE', 'The lower threshold must not be above the upper threshold.', {
      field: 'lowerThreshold',
    });
  }
  const tunnel = checkTunnel(input);
  if (!isUnicast(family, bytes)) {
    throw new AppError('INVALID_OPERATION', `Real server ${address} is not a unicast address.`, {
      field: 'address',
    });
  }
  // ip_vs_ctl.c ip_vs_genl_new/set_dest: another family only with tunnelling and no sync daemon (-EINVAL).
  if (family !== serviceFamily && (input.forwarding !== 'tunnel' || syncRunning)) {
    throw new AppError(
      'INVALID_OPERATION',
      'A real server of another address family needs tunnel forwarding and no running sync daemon.',
      { field: 'address' },
    );
  }
  return {
    address,
    port,
    family,
    settings: {
      forwarding: input.forwarding,
      weight,
      upperThreshold,
      lowerThreshold,
      tunnelType: tunnel.tunnelType,
      tunnelPort: tunnel.tunnelPort,
      tunnelChecksum: tunnel.tunnelChecksum,
    },
  };
}
