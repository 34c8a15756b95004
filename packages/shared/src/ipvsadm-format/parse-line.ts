// One restore line (already tokenised) to one typed command. The command option must come first
// (ipvsadm.c: restore lines are parsed like a command line whose first option is the command).
import { canonicalAddress } from '../ip-address.js';
import type { SyncDaemonState } from '../model.js';
import { syncDaemonInputSchema, timeoutsSchema } from '../schemas/system.js';
import { buildDestinationInput, readDestinationKey } from './build-destination.js';
import { buildServiceInput, readServiceKey, requireServiceKey } from './build-service.js';
import type { IpvsadmCommand } from './commands.js';
import { readCommonDestinationLine } from './common-lines.js';
import { findCommand } from './options.js';
import { numberOf, readOptions, textOf, type ReadOptions } from './read-options.js';
import { LineProblem } from './restore-error.js';

const commandList = '-A, -E, -D, -a, -e, -d, -C, -Z, --set, --start-daemon or --stop-daemon';

function daemonState(text: string | undefined, command: string): SyncDaemonState {
  if (text === 'master' || text === 'backup') return text;
  throw new LineProblem(`${command} needs master or backup`);
}

function firstIssue(result: {
  success: false;
  error: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) {
  const issue = result.error.issues[0];
  return new LineProblem(`${String(issue?.path[0] ?? 'value')}: ${issue?.message ?? 'is not valid'}`);
}

function buildTimeouts(args: string[]): IpvsadmCommand {
  if (args.some((arg) => !/^\d+$/.test(arg))) {
    throw new LineProblem('--set needs three timeouts in seconds: tcp tcpfin udp');
  }
  const [tcp, tcpFin, udp] = args.map(Number);
  const result = timeoutsSchema.safeParse({ tcp, tcpFin, udp });
  if (!result.success) throw firstIssue(result);
  return { kind: 'set-timeouts', timeouts: result.data };
}

function buildStartDaemon(state: SyncDaemonState, options: ReadOptions): IpvsadmCommand {
  const group = textOf(options, 'mcast-group');
  if (group !== undefined && canonicalAddress(group) === null) {
    throw new LineProblem(`--mcast-group: "${group}" is not an IPv4 or IPv6 address`);
  }
  const optional = {
    syncId: numberOf(options, 'syncid'),
    maxLen: numberOf(options, 'sync-maxlen'),
    group,
    port: numberOf(options, 'mcast-port'),
    ttl: numberOf(options, 'mcast-ttl'),
  };
  const result = syncDaemonInputSchema.safeParse({
    state,
    // ipvsadm.c: the multicast interface defaults to eth0.
    interface: textOf(options, 'mcast-interface') ?? 'eth0',
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  });
  if (!result.success) throw firstIssue(result);
  return { kind: 'start-daemon', daemon: result.data };
}

export function parseRestoreTokens(tokens: string[]): IpvsadmCommand {
  return readCommonDestinationLine(tokens) ?? parseAnyRestoreTokens(tokens);
}

/** The general path: every command and option ipvsadm -R takes, checked by the shared schemas. */
export function parseAnyRestoreTokens(tokens: string[]): IpvsadmCommand {
  const [command = '', ...rest] = tokens;
  const found = findCommand(command);
  if (!found) {
    throw new LineProblem(
      `"${command}" is not a command ipvsadm -R accepts; start the line with ${commandList}`,
    );
  }
  const args = rest.slice(0, found.positional);
  if (args.length < found.positional)
    throw new LineProblem(`${command} needs ${found.positional} argument(s)`);
  const options = readOptions(found.kind, command, rest.slice(found.positional));
  switch (found.kind) {
    case 'add-service':
    case 'edit-service':
      return { kind: found.kind, service: buildServiceInput(options, command) };
    case 'delete-service':
      return { kind: found.kind, service: requireServiceKey(options, command) };
    case 'add-destination':
    case 'edit-destination': {
      const service = requireServiceKey(options, command);
      return { kind: found.kind, service, destination: buildDestinationInput(options, service, command) };
    }
    case 'delete-destination': {
      const service = requireServiceKey(options, command);
      return { kind: found.kind, service, destination: readDestinationKey(options, service, command) };
    }
    case 'clear':
      return { kind: 'clear' };
    case 'zero': {
      const service = readServiceKey(options);
      return service ? { kind: 'zero', service } : { kind: 'zero' };
    }
    case 'set-timeouts':
      return buildTimeouts(args);
    case 'start-daemon':
      return buildStartDaemon(daemonState(args[0], command), options);
    case 'stop-daemon': {
      const syncId = numberOf(options, 'syncid');
      const state = daemonState(args[0], command);
      return syncId === undefined ? { kind: 'stop-daemon', state } : { kind: 'stop-daemon', state, syncId };
    }
  }
}
