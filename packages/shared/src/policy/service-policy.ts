// A service's return policy (docs/api.md "Slow start and sorry server"): agent-side settings, not the
// kernel's. slowStartSeconds: a real server that returns ramps up to its weight over that time (NGINX
// Plus slow_start); sorryServer: a real server added while none of the service's is up (keepalived's
// sorry_server). Kept in the agent's state dir, carried in exports as `#` lines (policy-lines.ts).
import { z } from 'zod';
import { inputForwardingSchema, ipAddressSchema, portSchema } from '../schemas/primitives.js';
import type { ForwardingMethod } from '../model.js';

/** The longest ramp: an hour, as NGINX Plus allows. */
export const MAX_SLOW_START_SECONDS = 3600;

export interface SorryServer {
  address: string;
  port: number;
  /** Default route (-g), as for any real server (ipvsadm's default). */
  forwarding?: Extract<ForwardingMethod, 'route' | 'tunnel' | 'masq'>;
}

export interface ServicePolicy {
  /** 0 or absent: a returning real server gets its whole weight at once. */
  slowStartSeconds?: number;
  sorryServer?: SorryServer;
}

export const sorryServerSchema = z.strictObject({
  address: ipAddressSchema,
  port: portSchema,
  forwarding: inputForwardingSchema.optional(),
}) satisfies z.ZodType<SorryServer>;

export const servicePolicySchema = z.strictObject({
  slowStartSeconds: z
    .number({ error: 'must be a number of seconds' })
    .min(0, { error: 'must be 0 (off) or more' })
    .max(MAX_SLOW_START_SECONDS, { error: `must be at most ${MAX_SLOW_START_SECONDS} seconds` })
    .optional(),
  sorryServer: sorryServerSchema.optional(),
}) satisfies z.ZodType<ServicePolicy>;

/** A policy that asks for nothing (stored as no policy). */
export function isEmptyPolicy(policy: ServicePolicy): boolean {
  return !policy.slowStartSeconds && policy.sorryServer === undefined;
}

/** A real server ramping up after its return: what reads and live samples say of it. */
export interface RampStatus {
  /** The weight it is ramping to (what it had before it was taken out, or was added with). */
  target: number;
  /** The weight of the step it is at now. */
  weight: number;
  /** ms since the epoch */
  startedAt: number;
  /** When the last step is due, ms since the epoch. */
  endsAt: number;
}

export const rampStatusSchema = z.object({
  target: z.number().int().nonnegative(),
  weight: z.number().int().nonnegative(),
  startedAt: z.number().int().nonnegative(),
  endsAt: z.number().int().nonnegative(),
}) satisfies z.ZodType<RampStatus>;
