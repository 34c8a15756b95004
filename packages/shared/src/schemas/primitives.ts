// Field-level schemas with user-facing messages that state the valid range, reused by every input schema.
import { z } from 'zod';
import { canonicalAddress, parseIpAddress } from '../ip-address.js';

/** INT_MAX: the kernel keeps weights and thresholds in an `int` (include/net/ip_vs.h). */
export const INT_MAX = 2147483647;

/** A whole number in [min, max]; the message names the range so the user knows what to type. */
export function intInRange(min: number, max: number, what = 'a whole number') {
  const error = `must be ${what} ${min}-${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

function addressOf(family: 'inet' | 'inet6' | 'any') {
  const what = { inet: 'an IPv4 address', inet6: 'an IPv6 address', any: 'an IPv4 or IPv6 address' }[family];
  return z
    .string({ error: `must be ${what}` })
    .refine(
      (text) => {
        const parsed = parseIpAddress(text);
        return parsed !== null && (family === 'any' || parsed.family === family);
      },
      { error: (issue) => `"${String(issue.input)}" is not ${what}` },
    )
    .transform((text) => canonicalAddress(text)!);
}

/** Any IPv4/IPv6 address, output in canonical form (compressed lowercase IPv6). */
export const ipAddressSchema = addressOf('any');
export const ipv4AddressSchema = addressOf('inet');
export const ipv6AddressSchema = addressOf('inet6');

export const portSchema = intInRange(0, 65535);
/** ipvsadm refuses fwmark 0 (it means "no fwmark" in the kernel's service key). */
export const fwmarkSchema = intInRange(1, 4294967295);
/**
 * The largest weight: ipvsadm(8) says 65535, but ipvsadm 1.31 and the kernel take up to INT_MAX (the
 * kernel's weight is an int that must not be negative; measured in the guest, docs/reference), so the API,
 * the restore text and the web app's inputs and slider all take 0..MAX_WEIGHT.
 */
export const MAX_WEIGHT = INT_MAX;
export const weightInputSchema = intInRange(0, MAX_WEIGHT);
export const thresholdSchema = intInRange(0, INT_MAX);
/** ipvsadm caps `-p` at 2678400 s (31 days, ipvsadm.c parse_timeout). 0 = not persistent. */
export const persistenceSchema = intInRange(0, 2678400);

export const protocolSchema = z.enum(['tcp', 'udp', 'sctp'], { error: 'must be tcp, udp or sctp' });
export const addressFamilySchema = z.enum(['inet', 'inet6'], { error: 'must be inet or inet6' });

/** In-tree schedulers of current kernels (net/netfilter/ipvs/Kconfig) plus `none` (no scheduler object). */
export const schedulerNames = [
  'rr',
  'wrr',
  'lc',
  'wlc',
  'lblc',
  'lblcr',
  'dh',
  'sh',
  'sed',
  'nq',
  'fo',
  'ovf',
  'mh',
  'twos',
  'none',
] as const;
export const schedulerSchema = z.enum(schedulerNames, {
  error: `must be one of ${schedulerNames.join(', ')}`,
});

export const schedulerFlagNames = [
  'sh-fallback',
  'sh-port',
  'mh-fallback',
  'mh-port',
  'flag-1',
  'flag-2',
  'flag-3',
] as const;
export const schedulerFlagSchema = z.enum(schedulerFlagNames, {
  error: `must be one of ${schedulerFlagNames.join(', ')}`,
});

export const persistenceEngineSchema = z.literal('sip', { error: 'must be "sip" or null' }).nullable();
export const inputForwardingSchema = z.enum(['route', 'tunnel', 'masq'], {
  error: 'must be route, tunnel or masq',
});
export const forwardingSchema = z.enum(['route', 'tunnel', 'masq', 'local', 'bypass']);
export const tunnelTypeSchema = z.enum(['ipip', 'gue', 'gre'], { error: 'must be ipip, gue or gre' });
export const tunnelChecksumSchema = z.enum(['nocsum', 'csum', 'remcsum'], {
  error: 'must be nocsum, csum or remcsum',
});
