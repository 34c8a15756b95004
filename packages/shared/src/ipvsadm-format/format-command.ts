// Commands to ipvsadm text: the same spelling `ipvsadm -S -n` uses (ipvsadm.c print_service_entry and
// print_dest with FMT_RULE), so a save line and the UI's "equivalent command" never disagree.
import { formatHostPort } from '../ids.js';
import type {
  DestinationKey,
  DestinationSettings,
  ServiceKey,
  ServiceSettings,
  SyncDaemonInput,
} from '../model.js';
import { serviceFamily } from '../ids.js';
import { normalizeSchedulerFlags } from '../scheduler-flags.js';
import { defaultNetmask } from '../schemas/netmask.js';
import type { IpvsadmCommand } from './commands.js';

export interface FormatOptions {
  /** Add `-x`/`-y` when non-zero. ipvsadm -S leaves them out (and so loses them); -R accepts them. */
  thresholds?: boolean;
  /**
   * Reproduce two output bugs of ipvsadm 1.31 byte for byte (both seen in the UML guest): fwmarks from
   * 2^31 up printed negative (printf %d; its own -R refuses them), and flag-3 left unnamed on sh/mh
   * services (an empty `-b `). Off by default, so the text restores what the kernel holds.
   */
  exactIpvsadm?: boolean;
}

/** `-t 10.0.0.1:80`, `-u [2001:db8::1]:53`, `--sctp-service ...`, `-f 7`, `-f 8 -6`. */
export function formatServiceOption(key: ServiceKey, options: FormatOptions = {}): string {
  if (key.protocol === 'fwmark') {
    const mark = options.exactIpvsadm ? key.fwmark | 0 : key.fwmark;
    return key.family === 'inet6' ? `-f ${mark} -6` : `-f ${mark}`;
  }
  const flag = { tcp: '-t', udp: '-u', sctp: '--sctp-service' }[key.protocol];
  return `${flag} ${formatHostPort(key.address, key.port)}`;
}

/** ` -s rr -p 600 -M 255.255.255.0 --pe sip -o -b sh-fallback,sh-port` (parts only when set). */
export function formatServiceSettings(
  key: ServiceKey,
  settings: ServiceSettings,
  options: FormatOptions = {},
): string {
  let text = ` -s ${settings.scheduler}`;
  if (settings.persistence > 0) {
    text += ` -p ${settings.persistence}`;
    if (settings.netmask !== defaultNetmask(serviceFamily(key))) text += ` -M ${settings.netmask}`;
  }
  if (settings.persistenceEngine) text += ` --pe ${settings.persistenceEngine}`;
  if (settings.onePacket) text += ' -o';
  const flags = normalizeSchedulerFlags(settings.scheduler, settings.schedulerFlags);
  // ipvsadm.c print_sched_flags names only SCHED1/SCHED2 for sh and mh, yet prints "-b " for any bit.
  const named =
    options.exactIpvsadm && (settings.scheduler === 'sh' || settings.scheduler === 'mh')
      ? flags.filter((flag) => flag !== 'flag-3')
      : flags;
  if (flags.length > 0) text += ` -b ${named.join(',')}`;
  return text;
}

const forwardingOption = { masq: '-m', tunnel: '-i', route: '-g', local: '-g', bypass: '-g' } as const;

/** ` -m -w 1`, ` -i -w 1 --tun-type gue --tun-port 6080 --tun-nocsum`, plus ` -x n -y n` if asked. */
export function formatDestinationSettings(
  settings: DestinationSettings,
  options: FormatOptions = {},
): string {
  let text = ` ${forwardingOption[settings.forwarding]} -w ${settings.weight}`;
  if (settings.forwarding === 'tunnel') {
    text += ` --tun-type ${settings.tunnelType}`;
    if (settings.tunnelType === 'gue') text += ` --tun-port ${settings.tunnelPort}`;
    if (settings.tunnelType !== 'ipip') text += ` --tun-${settings.tunnelChecksum}`;
  }
  if (options.thresholds !== false) {
    if (settings.upperThreshold !== 0) text += ` -x ${settings.upperThreshold}`;
    if (settings.lowerThreshold !== 0) text += ` -y ${settings.lowerThreshold}`;
  }
  return text;
}

function formatRealServer(service: ServiceKey, destination: DestinationKey, options: FormatOptions): string {
  return `${formatServiceOption(service, options)} -r ${formatHostPort(destination.address, destination.port)}`;
}

function formatDaemon(daemon: SyncDaemonInput): string {
  let text = `--start-daemon ${daemon.state} --mcast-interface ${daemon.interface}`;
  if (daemon.syncId !== undefined) text += ` --syncid ${daemon.syncId}`;
  if (daemon.maxLen !== undefined) text += ` --sync-maxlen ${daemon.maxLen}`;
  if (daemon.group !== undefined) text += ` --mcast-group ${daemon.group}`;
  if (daemon.port !== undefined) text += ` --mcast-port ${daemon.port}`;
  if (daemon.ttl !== undefined) text += ` --mcast-ttl ${daemon.ttl}`;
  return text;
}

/** One command as an ipvsadm -R line (no leading "ipvsadm"). */
export function formatCommand(command: IpvsadmCommand, options: FormatOptions = {}): string {
  switch (command.kind) {
    case 'add-service':
    case 'edit-service': {
      const flag = command.kind === 'add-service' ? '-A' : '-E';
      return `${flag} ${formatServiceOption(command.service, options)}${formatServiceSettings(command.service, command.service, options)}`;
    }
    case 'delete-service':
      return `-D ${formatServiceOption(command.service, options)}`;
    case 'add-destination':
    case 'edit-destination': {
      const flag = command.kind === 'add-destination' ? '-a' : '-e';
      const settings = formatDestinationSettings(command.destination, options);
      return `${flag} ${formatRealServer(command.service, command.destination, options)}${settings}`;
    }
    case 'delete-destination':
      return `-d ${formatRealServer(command.service, command.destination, options)}`;
    case 'clear':
      return '-C';
    case 'zero':
      return command.service ? `-Z ${formatServiceOption(command.service, options)}` : '-Z';
    case 'set-timeouts':
      return `--set ${command.timeouts.tcp} ${command.timeouts.tcpFin} ${command.timeouts.udp}`;
    case 'start-daemon':
      return formatDaemon(command.daemon);
    case 'stop-daemon':
      return `--stop-daemon ${command.state}${command.syncId === undefined ? '' : ` --syncid ${command.syncId}`}`;
  }
}

/** The shell command a user would type for this change, for the UI: `ipvsadm -A -t 10.0.0.1:80 -s rr`. */
export function renderIpvsadmCommand(command: IpvsadmCommand): string {
  return `ipvsadm ${formatCommand(command)}`;
}
