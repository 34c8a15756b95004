// Inputs outside the service table: timeouts, sync daemons, /proc/sys/net/ipv4/vs writes, clear.
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { KernelSetting } from '../model.js';
import { INT_MAX, intInRange, ipAddressSchema } from './primitives.js';

/**
 * Kernel ip_vs_ctl.c set_timeout refuses timeouts above INT_MAX / HZ seconds; 2147483 is safe for any
 * HZ up to 1000. 0 = leave unchanged (ipvsadm --set).
 */
const timeoutSeconds = intInRange(0, 2147483, 'a number of seconds');

export const timeoutsSchema = z.strictObject({
  tcp: timeoutSeconds,
  tcpFin: timeoutSeconds,
  udp: timeoutSeconds,
});

/** IFNAMSIZ is 16 including the terminating NUL (include/uapi/linux/if.h); no '/', ':' or whitespace. */
const interfaceName = z
  .string({ error: 'must be a network interface name' })
  .regex(/^[^\s/:]{1,15}$/, { error: 'must be a network interface name of 1-15 characters' });

/** Ranges from ipvsadm.c (--syncid 0-255, --sync-maxlen 1-65507, --mcast-port, --mcast-ttl 1-255). */
export const syncDaemonInputSchema = z.strictObject({
  state: z.enum(['master', 'backup'], { error: 'must be master or backup' }),
  interface: interfaceName,
  syncId: intInRange(0, 255).optional(),
  maxLen: intInRange(1, 65507).optional(),
  group: ipAddressSchema.optional(),
  port: intInRange(1, 65535).optional(),
  ttl: intInRange(1, 255).optional(),
});

/** PUT /kernel-settings/:name. The per-setting range is checked by checkKernelSettingValue. */
export const kernelSettingWriteSchema = z.strictObject({ value: intInRange(-INT_MAX - 1, INT_MAX) });

export function checkKernelSettingValue(
  setting: Pick<KernelSetting, 'name' | 'min' | 'max'>,
  value: number,
): void {
  if (value < setting.min || value > setting.max) {
    throw new AppError('VALIDATION_FAILED', `value: ${setting.name} must be ${setting.min}-${setting.max}`, {
      field: 'value',
    });
  }
}

/** POST /clear deletes every service: the body must say so. */
export const clearRequestSchema = z.strictObject({
  confirm: z.literal('clear', { error: 'must be "clear" to delete every service' }),
});
