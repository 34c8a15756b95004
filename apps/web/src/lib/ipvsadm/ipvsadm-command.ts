import type {
  DestinationInput,
  DestinationKey,
  ServiceInput,
  ServiceKey,
  ServiceSettings,
  SyncDaemonInput,
  SyncDaemonState,
  Timeouts,
} from '@ipvs-dashboard/shared';
import { formatHostPort } from '@ipvs-dashboard/shared';

// The ipvsadm command line equivalent to each change, shown before the change is applied so an operator
// can read (and copy) what will happen. Option names from ipvsadm(8), version 1.31.

function serviceTarget(key: ServiceKey): string {
  if (key.protocol === 'fwmark') return `-f ${key.fwmark}${key.family === 'inet6' ? ' -6' : ''}`;
  const flag = { tcp: '-t', udp: '-u', sctp: '--sctp-service' }[key.protocol];
  return `${flag} ${safeHostPort(key.address, key.port)}`;
}

/** Never throw while the user is still typing an address: show it as typed. */
function safeHostPort(address: string, port: number): string {
  try {
    return formatHostPort(address, port);
  } catch {
    return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  }
}

function settingsArgs(settings: ServiceSettings): string {
  const parts = [`-s ${settings.scheduler}`];
  if (settings.schedulerFlags.length > 0) parts.push(`-b ${settings.schedulerFlags.join(',')}`);
  if (settings.persistence > 0) parts.push(`-p ${settings.persistence}`);
  if (
    settings.persistence > 0 &&
    settings.netmask &&
    settings.netmask !== '255.255.255.255' &&
    settings.netmask !== '128'
  ) {
    parts.push(`-M ${settings.netmask}`);
  }
  if (settings.persistenceEngine) parts.push(`--pe ${settings.persistenceEngine}`);
  if (settings.onePacket) parts.push('-o');
  return parts.join(' ');
}

export function addServiceCommand(input: ServiceInput): string {
  return `ipvsadm -A ${serviceTarget(input)} ${settingsArgs(input)}`;
}

export function editServiceCommand(key: ServiceKey, settings: ServiceSettings): string {
  return `ipvsadm -E ${serviceTarget(key)} ${settingsArgs(settings)}`;
}

export function deleteServiceCommand(key: ServiceKey): string {
  return `ipvsadm -D ${serviceTarget(key)}`;
}

const forwardingFlag = { route: '-g', tunnel: '-i', masq: '-m', local: '-g', bypass: '-g' } as const;

function destinationArgs(input: DestinationInput): string {
  const parts = [
    `-r ${safeHostPort(input.address, input.port)}`,
    forwardingFlag[input.forwarding],
    `-w ${input.weight}`,
  ];
  if (input.upperThreshold > 0) parts.push(`-x ${input.upperThreshold}`);
  if (input.lowerThreshold > 0) parts.push(`-y ${input.lowerThreshold}`);
  if (input.forwarding === 'tunnel' && input.tunnelType !== 'ipip') {
    parts.push(`--tun-type ${input.tunnelType}`);
    if (input.tunnelType === 'gue') parts.push(`--tun-port ${input.tunnelPort}`);
    parts.push(`--tun-${input.tunnelChecksum}`);
  }
  return parts.join(' ');
}

export function addDestinationCommand(service: ServiceKey, input: DestinationInput): string {
  return `ipvsadm -a ${serviceTarget(service)} ${destinationArgs(input)}`;
}

export function editDestinationCommand(service: ServiceKey, input: DestinationInput): string {
  return `ipvsadm -e ${serviceTarget(service)} ${destinationArgs(input)}`;
}

export function deleteDestinationCommand(service: ServiceKey, dest: DestinationKey): string {
  return `ipvsadm -d ${serviceTarget(service)} -r ${safeHostPort(dest.address, dest.port)}`;
}

export function zeroCommand(service?: ServiceKey): string {
  return service ? `ipvsadm -Z ${serviceTarget(service)}` : 'ipvsadm -Z';
}

export const clearCommand = 'ipvsadm -C';
export const restoreCommand = 'ipvsadm -R < rules.txt';

export function timeoutsCommand(timeouts: Timeouts): string {
  return `ipvsadm --set ${timeouts.tcp} ${timeouts.tcpFin} ${timeouts.udp}`;
}

export function startDaemonCommand(input: SyncDaemonInput): string {
  const parts = [`ipvsadm --start-daemon ${input.state} --mcast-interface ${input.interface}`];
  if (input.syncId !== undefined) parts.push(`--syncid ${input.syncId}`);
  return parts.join(' ');
}

export function stopDaemonCommand(state: SyncDaemonState): string {
  return `ipvsadm --stop-daemon ${state}`;
}

export function kernelSettingCommand(name: string, value: number): string {
  return `sysctl -w net.ipv4.vs.${name}=${value}`;
}
