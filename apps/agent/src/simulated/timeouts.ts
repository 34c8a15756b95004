// ipvsadm --set: TCP ESTABLISHED, TCP FIN_WAIT and UDP timeouts (ip_vs_ctl.c ip_vs_set_timeout).
// Defaults 900/120/300 s; 0 leaves a value unchanged; above INT_MAX/HZ seconds the kernel says -EINVAL.
import { AppError } from '@ipvs-dashboard/shared';
import type { Timeouts } from '@ipvs-dashboard/shared';

/** INT_MAX / HZ with HZ = 1000, the largest timeout the kernel accepts. */
export const MAX_TIMEOUT_SECONDS = Math.floor(0x7fff_ffff / 1000);

export const DEFAULT_TIMEOUTS: Timeouts = { tcp: 900, tcpFin: 120, udp: 300 };

export function applyTimeouts(current: Timeouts, wanted: Timeouts): Timeouts {
  const next = { ...current };
  for (const field of ['tcp', 'tcpFin', 'udp'] as const) {
    const value = wanted[field];
    if (!Number.isInteger(value) || value < 0) {
      throw new AppError('VALIDATION_FAILED', `${field} must be a whole number of seconds.`, { field });
    }
    if (value > MAX_TIMEOUT_SECONDS) {
      throw new AppError('INVALID_OPERATION', `${field} may be at most ${MAX_TIMEOUT_SECONDS} seconds.`, {
        field,
      });
    }
  }
  for (const field of ['tcp', 'tcpFin', 'udp'] as const) if (wanted[field] !== 0) next[field] = wanted[field];
  return next;
}
