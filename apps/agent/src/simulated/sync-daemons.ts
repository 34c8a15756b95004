// Connection-sync daemons as ip_vs_sync.c start_sync_thread/stop_sync_thread keep them: at most one
// master and one backup, defaults filled in (syncid 0, group 224.0.0.81, port 8848, ttl 1, maxlen from MTU).
import { AppError, formatIpAddress, parseIpAddress } from '@ipvs-dashboard/shared';
import type { SyncDaemon, SyncDaemonInput, SyncDaemonState } from '@ipvs-dashboard/shared';

/** IPv4 + UDP header bytes subtracted from the MTU for the default sync_maxlen (ip_vs_sync.c). */
const IPV4_UDP_HEADERS = 28;

export interface SimInterface {
  name: string;
  mtu: number;
}

export const DEFAULT_INTERFACES: readonly SimInterface[] = [
  { name: 'lo', mtu: 65536 },
  { name: 'eth0', mtu: 1500 },
];

function checkRange(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('VALIDATION_FAILED', `${field} must be an integer from ${min} to ${max}.`, { field });
  }
  return value;
}

/** The multicast group: an address (VALIDATION_FAILED otherwise) that is multicast (kernel: -EINVAL). */
function checkGroup(group: string | undefined): string {
  if (group === undefined || group === '') return '224.0.0.81';
  const parsed = parseIpAddress(group);
  if (!parsed)
    throw new AppError('VALIDATION_FAILED', `group "${group}" is not an IP address.`, { field: 'group' });
  const first = parsed.bytes[0] ?? 0;
  const multicast = parsed.family === 'inet' ? first >= 224 && first <= 239 : first === 0xff;
  if (!multicast) {
    throw new AppError('INVALID_OPERATION', `group ${group} is not a multicast address.`, { field: 'group' });
  }
  return formatIpAddress(parsed);
}

export class SyncDaemons {
  private readonly running = new Map<SyncDaemonState, SyncDaemon>();

  constructor(private readonly interfaces: readonly SimInterface[] = DEFAULT_INTERFACES) {}

  get isRunning(): boolean {
    return this.running.size > 0;
  }

  /** Master first, then backup (ip_vs_genl_dump_daemons). */
  list(): SyncDaemon[] {
    return (['master', 'backup'] as const).flatMap((state) => {
      const daemon = this.running.get(state);
      return daemon ? [{ ...daemon }] : [];
    });
  }

  start(input: SyncDaemonInput, mixedFamilies: boolean): void {
    if (input.state !== 'master' && input.state !== 'backup') {
      throw new AppError('VALIDATION_FAILED', 'state must be master or backup.', { field: 'state' });
    }
    // IP_VS_IFNAME_MAXLEN is 16 with the NUL (ip_vs.h); the kernel client refuses other names before asking.
    if (typeof input.interface !== 'string' || !/^[^\s/:]{1,15}$/.test(input.interface)) {
      throw new AppError(
        'VALIDATION_FAILED',
        'interface must be a network interface name (1-15 characters).',
        {
          field: 'interface',
        },
      );
    }
    const requested = {
      syncId: checkRange(input.syncId ?? 0, 0, 255, 'syncId'),
      maxLen: input.maxLen === undefined ? undefined : checkRange(input.maxLen, 1, 65507, 'maxLen'),
      group: checkGroup(input.group),
      port: checkRange(input.port ?? 8848, 1, 65535, 'port'),
      ttl: checkRange(input.ttl ?? 1, 1, 255, 'ttl'),
    };
    // The sync protocol cannot carry mixed-family real servers: -EINVAL (ip_vs_genl_new_daemon).
    if (mixedFamilies) {
      throw new AppError(
        'INVALID_OPERATION',
        'Sync daemons cannot run while real servers of another family exist.',
      );
    }
    // start_sync_thread: -EEXIST when that state already runs, then -ENODEV for an unknown interface.
    if (this.running.has(input.state)) {
      throw new AppError('DAEMON_EXISTS', `A ${input.state} sync daemon is already running.`, {
        field: 'state',
      });
    }
    const device = this.interfaces.find((i) => i.name === input.interface);
    if (!device) {
      throw new AppError('NO_SUCH_INTERFACE', `There is no interface "${input.interface}".`, {
        field: 'interface',
      });
    }
    const mtu =
      input.state === 'backup' ? Math.min(Math.max(device.mtu, 1500), 65535) : Math.min(device.mtu, 1500);
    this.running.set(input.state, {
      state: input.state,
      interface: device.name,
      ...requested,
      maxLen: requested.maxLen ?? mtu - IPV4_UDP_HEADERS,
    });
  }

  stop(state: SyncDaemonState): void {
    // -ESRCH when that state is not running (stop_sync_thread).
    if (!this.running.delete(state)) {
      throw new AppError('DAEMON_NOT_RUNNING', `No ${state} sync daemon is running.`, { field: 'state' });
    }
  }

  clear(): void {
    this.running.clear();
  }
}
