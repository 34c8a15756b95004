// ipvsadm --set: TCP ESTABLISHED, TCP FIN_WAIT and UDP timeouts (ip_vs_ctl.c ip_vs_set_timeout).
// Defaults 900/120/300 s; 0 leaves a value unchanged. ipvsadm and the kernel client allow up to 31 days.
import { AppError } from '@ipvs-dashboard/shared';
import type { Timeouts } from '@ipvs-dashboard/shared';

/** ipvsadm's limit (31 days), below the kernel's INT_MAX/HZ. */
export const MAX_TIMEOUT_SECONDS = 31 * 24 * 3600;

export const DEFAULT_TIMEOUTS: Timeouts = { tcp: 900, tcpFin: 120, udp: 300 };

export function applyTimeouts(current: Timeouts, wanted: Timeouts): Timeouts {
  const next = { ...current };
  for (const field of ['tcp', 'tcpFin', 'udp'] as const) {
    const value = wanted[field];
    if (!Number.isInteger(value) || value < 0 || value > MAX_TIMEOUT_SECONDS) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${field} must be 0-${MAX_TIMEOUT_SECONDS} seconds (0 = unchanged).`,
        {
          field,
        },
      );
    }
  }
  for (const field of ['tcp', 'tcpFin', 'udp'] as const) if (wanted[field] !== 0) next[field] = wanted[field];
  return next;
}
