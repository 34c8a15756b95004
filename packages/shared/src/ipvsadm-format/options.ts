// The ipvsadm options a restore line may use (ipvsadm.c `options[]` popt table), their short and long
// spellings, whether they take a value, and which commands accept them (ipvsadm.c commands_v_options).
import type { IpvsadmCommandKind } from './commands.js';

export type OptionName =
  | 'tcp-service'
  | 'udp-service'
  | 'sctp-service'
  | 'fwmark-service'
  | 'ipv6'
  | 'scheduler'
  | 'persistent'
  | 'netmask'
  | 'pe'
  | 'ops'
  | 'sched-flags'
  | 'real-server'
  | 'gatewaying'
  | 'ipip'
  | 'masquerading'
  | 'weight'
  | 'u-threshold'
  | 'l-threshold'
  | 'tun-type'
  | 'tun-port'
  | 'tun-nocsum'
  | 'tun-csum'
  | 'tun-remcsum'
  | 'mcast-interface'
  | 'syncid'
  | 'mcast-group'
  | 'mcast-port'
  | 'mcast-ttl'
  | 'sync-maxlen';

/** none: a switch; required: the next token; optional: the next token unless it starts with '-'. */
export type OptionValue = 'none' | 'required' | 'optional';

const optionTable: Array<[OptionName, string | null, OptionValue]> = [
  ['tcp-service', 't', 'required'],
  ['udp-service', 'u', 'required'],
  ['sctp-service', null, 'required'],
  ['fwmark-service', 'f', 'required'],
  ['ipv6', '6', 'none'],
  ['scheduler', 's', 'required'],
  ['persistent', 'p', 'optional'],
  ['netmask', 'M', 'required'],
  ['pe', null, 'required'],
  ['ops', 'o', 'none'],
  // Optional only to read ipvsadm's own `-b ` (sh/mh with just flag-3), which its -R would refuse.
  ['sched-flags', 'b', 'optional'],
  ['real-server', 'r', 'required'],
  ['gatewaying', 'g', 'none'],
  ['ipip', 'i', 'none'],
  ['masquerading', 'm', 'none'],
  ['weight', 'w', 'required'],
  ['u-threshold', 'x', 'required'],
  ['l-threshold', 'y', 'required'],
  ['tun-type', null, 'required'],
  ['tun-port', null, 'required'],
  ['tun-nocsum', null, 'none'],
  ['tun-csum', null, 'none'],
  ['tun-remcsum', null, 'none'],
  ['mcast-interface', null, 'required'],
  ['syncid', null, 'required'],
  ['mcast-group', null, 'required'],
  ['mcast-port', null, 'required'],
  ['mcast-ttl', null, 'required'],
  ['sync-maxlen', null, 'required'],
];

export interface OptionSpec {
  name: OptionName;
  value: OptionValue;
}

/** Every spelling (`-t`, `--tcp-service`) to its option, built once: lines are read by the thousand. */
const optionBySpelling = new Map<string, OptionSpec>(
  optionTable.flatMap(([name, short, value]) => {
    const spec: OptionSpec = { name, value };
    return short === null
      ? [[`--${name}`, spec] as const]
      : [[`--${name}`, spec] as const, [`-${short}`, spec] as const];
  }),
);

/** Looks up `-t`, `--tcp-service`, ... ; null for anything that is not an option. */
export function findOption(token: string): OptionSpec | null {
  return optionBySpelling.get(token) ?? null;
}

/** The command options, which must come first on a line. Values: how many positional arguments. */
const commandTable: Array<[IpvsadmCommandKind, string[], number]> = [
  ['add-service', ['-A', '--add-service'], 0],
  ['edit-service', ['-E', '--edit-service'], 0],
  ['delete-service', ['-D', '--delete-service'], 0],
  ['add-destination', ['-a', '--add-server'], 0],
  ['edit-destination', ['-e', '--edit-server'], 0],
  ['delete-destination', ['-d', '--delete-server'], 0],
  ['clear', ['-C', '--clear'], 0],
  ['zero', ['-Z', '--zero'], 0],
  ['set-timeouts', ['--set'], 3],
  ['start-daemon', ['--start-daemon'], 1],
  ['stop-daemon', ['--stop-daemon'], 1],
];

const commandBySpelling = new Map(
  commandTable.flatMap(([kind, spellings, positional]) =>
    spellings.map((spelling) => [spelling, { kind, positional }] as const),
  ),
);

export function findCommand(token: string): { kind: IpvsadmCommandKind; positional: number } | null {
  return commandBySpelling.get(token) ?? null;
}

const serviceOptions: OptionName[] = ['tcp-service', 'udp-service', 'sctp-service', 'fwmark-service', 'ipv6'];
const serviceSettings: OptionName[] = ['scheduler', 'persistent', 'netmask', 'pe', 'ops', 'sched-flags'];
const destinationSettings: OptionName[] = [
  'gatewaying',
  'ipip',
  'masquerading',
  'weight',
  'u-threshold',
  'l-threshold',
  'tun-type',
  'tun-port',
  'tun-nocsum',
  'tun-csum',
  'tun-remcsum',
];
const daemonOptions: OptionName[] = [
  'mcast-interface',
  'syncid',
  'mcast-group',
  'mcast-port',
  'mcast-ttl',
  'sync-maxlen',
];

/** Which options each command accepts; ipvsadm refuses the rest ("Illegal ... option"). */
export const allowedOptions: Record<IpvsadmCommandKind, readonly OptionName[]> = {
  'add-service': [...serviceOptions, ...serviceSettings],
  'edit-service': [...serviceOptions, ...serviceSettings],
  'delete-service': serviceOptions,
  'add-destination': [...serviceOptions, 'real-server', ...destinationSettings],
  'edit-destination': [...serviceOptions, 'real-server', ...destinationSettings],
  'delete-destination': [...serviceOptions, 'real-server'],
  clear: [],
  zero: serviceOptions,
  'set-timeouts': [],
  'start-daemon': daemonOptions,
  'stop-daemon': ['syncid'],
};
