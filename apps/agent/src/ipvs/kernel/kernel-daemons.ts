// KernelBackend's sync-daemon commands (GET_DAEMON / NEW_DAEMON / DEL_DAEMON), over the backend's
// request and dump calls. Starting or stopping may be interrupted in the kernel, so both read back.
import { AppError } from '@ipvs-dashboard/shared';
import type { SyncDaemon, SyncDaemonInput, SyncDaemonState } from '@ipvs-dashboard/shared';
import { NetlinkError, errno } from '../../netlink/index.js';
import { IpvsCmd } from './codec/constants.js';
import { packDaemonStart, packDaemonStop, unpackDaemonMessage } from './codec/daemon-codec.js';
import type { IpvsOperation } from './kernel-errors.js';
import type { KernelCalls } from './kernel-calls.js';

const EMPTY = Buffer.alloc(0);

export function listDaemons(calls: KernelCalls): SyncDaemon[] {
  const replies = calls.dump('list', IpvsCmd.GET_DAEMON, EMPTY);
  return replies.map((reply) => unpackDaemonMessage(reply.attributes)).filter((d) => d !== null);
}

export function startDaemon(calls: KernelCalls, input: SyncDaemonInput): void {
  requestConfirmed(calls, 'start-daemon', IpvsCmd.NEW_DAEMON, packDaemonStart(input), () =>
    daemonRunning(calls, input.state),
  );
}

export function stopDaemon(calls: KernelCalls, state: SyncDaemonState): void {
  requestConfirmed(
    calls,
    'stop-daemon',
    IpvsCmd.DEL_DAEMON,
    packDaemonStop(state),
    () => !daemonRunning(calls, state),
  );
}

function daemonRunning(calls: KernelCalls, state: SyncDaemonState): boolean {
  return calls
    .dump('list', IpvsCmd.GET_DAEMON, EMPTY)
    .some((reply) => unpackDaemonMessage(reply.attributes)?.state === state);
}

/**
 * A request whose handler may be interrupted: the kernel then sends no ACK (the netlink layer reports
 * EINTR), e.g. stopping a sync thread that has not run yet stops it and returns -EINTR. Read back.
 */
function requestConfirmed(
  calls: KernelCalls,
  operation: IpvsOperation,
  cmd: number,
  attributes: Buffer,
  done: () => boolean,
): void {
  try {
    calls.request(operation, cmd, attributes);
  } catch (error) {
    const interrupted = error instanceof AppError && error.cause instanceof NetlinkError;
    if (!interrupted || (error.cause as NetlinkError).errno !== errno.EINTR || !done()) throw error;
  }
}
