import type { SyncDaemon } from '@ipvs-dashboard/shared';

/**
 * A running daemon as `ipvsadm -L --daemon` prints it (ipvsadm.c print_daemon), so what an operator reads
 * here matches the shell: `master sync daemon (mcast=eth0, syncid=0, maxlen=1472, group=224.0.0.81, ...)`.
 */
export function daemonSummary(daemon: SyncDaemon): string {
  const parts = [`mcast=${daemon.interface}`, `syncid=${daemon.syncId}`];
  // A kernel older than 4.3 reports only the interface and sync id; the rest reads back as 0 or empty.
  if (daemon.maxLen) parts.push(`maxlen=${daemon.maxLen}`);
  if (daemon.group) parts.push(`group=${daemon.group}`);
  if (daemon.port) parts.push(`port=${daemon.port}`);
  if (daemon.ttl) parts.push(`ttl=${daemon.ttl}`);
  return `${daemon.state} sync daemon (${parts.join(', ')})`;
}
