// Inputs outside the service table: timeouts, sync daemons, /proc/sys/net/ipv4/vs writes, clear.
import { z } from 'zod';
import { AppError } from '../errors.js';
import { parseIpAddress } from '../ip-address.js';
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

/** The kernel refuses a group that is not multicast with EINVAL (ip_vs_genl_new_daemon); say why first. */
const multicastGroup = ipAddressSchema.refine(
  (text) => {
    const parsed = parseIpAddress(text);
    const first = parsed?.bytes[0] ?? 0;
    return parsed?.family === 'inet' ? first >= 224 && first <= 239 : first === 0xff;
  },
  { error: (issue) => `${String(issue.input)} is not a multicast address (224.0.0.0/4 or ff00::/8)` },
);

/**
 * Ranges from ipvsadm.c (--syncid 0-255, --sync-maxlen 1-65507, --mcast-port, --mcast-ttl 1-255); a field
 * left out gets the kernel's default (group 224.0.0.81, port 8848, ttl 1, maxlen from the interface MTU).
 */
export const syncDaemonInputSchema = z.strictObject({
  state: z.enum(['master', 'backup'], { error: 'must be master or backup' }),
  interface: interfaceName,
  syncId: intInRange(0, 255).optional(),
  maxLen: intInRange(1, 65507).optional(),
  group: multicastGroup.optional(),
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
