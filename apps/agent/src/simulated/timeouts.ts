// ipvsadm --set: TCP ESTABLISHED, TCP FIN_WAIT and UDP timeouts (ip_vs_ctl.c ip_vs_set_timeout).
// Defaults 900/120/300 s; 0 leaves a value unchanged; the range is shared timeoutsSchema's.
import { parseOrThrow, timeoutsSchema } from '@ipvs-dashboard/shared';
import type { Timeouts } from '@ipvs-dashboard/shared';

export const DEFAULT_TIMEOUTS: Timeouts = { tcp: 900, tcpFin: 120, udp: 300 };

export function applyTimeouts(current: Timeouts, wanted: Timeouts): Timeouts {
  const next = { ...current };
  parseOrThrow(timeoutsSchema, wanted);
  for (const field of ['tcp', 'tcpFin', 'udp'] as const) if (wanted[field] !== 0) next[field] = wanted[field];
  return next;
}
