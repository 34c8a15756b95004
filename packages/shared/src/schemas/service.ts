// Service input (POST /services) and settings patch (PATCH /services/:sid), with ipvsadm's rules.
import { z } from 'zod';
import { AppError } from '../errors.js';
import { serviceFamily } from '../ids.js';
import { normalizeSchedulerFlags, schedulerFlagOwner } from '../scheduler-flags.js';
import type { ServiceInput, ServiceKey, ServiceSettings } from '../model.js';
import { defaultNetmask, netmaskProblem } from './netmask.js';
import {
  addressFamilySchema,
  fwmarkSchema,
  ipAddressSchema,
  persistenceEngineSchema,
  persistenceSchema,
  portSchema,
  protocolSchema,
  schedulerFlagSchema,
  schedulerSchema,
} from './primitives.js';

const settingsShape = {
  scheduler: schedulerSchema,
  schedulerFlags: z.array(schedulerFlagSchema, { error: 'must be a list of scheduler flags' }),
  persistence: persistenceSchema,
  netmask: z.string({ error: 'must be a dotted IPv4 mask or an IPv6 prefix length' }),
  persistenceEngine: persistenceEngineSchema,
  onePacket: z.boolean({ error: 'must be true or false' }),
};

/** Why these settings cannot go on that service (ipvsadm's checks), as [field, message], or null. */
export function serviceSettingsProblem(
  key: ServiceKey,
  settings: ServiceSettings,
  options: { anyDottedMask?: boolean } = {},
): [string, string] | null {
  const family = serviceFamily(key);
  const netmask = netmaskProblem(settings.netmask, family, options);
  if (netmask) return ['netmask', netmask];
  for (const flag of settings.schedulerFlags) {
    const owner = schedulerFlagOwner(flag);
    if (owner && settings.scheduler !== owner) {
      return ['schedulerFlags', `${flag} only applies to the ${owner} scheduler`];
    }
  }
  if (new Set(settings.schedulerFlags).size !== settings.schedulerFlags.length) {
    return ['schedulerFlags', 'must not repeat a flag'];
  }
  // ipvsadm.c: "One-Packet Scheduling is only for UDP virtual services" (fwmark services may be UDP).
  if (settings.onePacket && (key.protocol === 'tcp' || key.protocol === 'sctp')) {
    return ['onePacket', 'one-packet scheduling is only for UDP or fwmark services'];
  }
  // ipvsadm.c: "Zero port specified for non-persistent service".
  if (key.protocol !== 'fwmark' && key.port === 0 && settings.persistence === 0) {
    return ['port', 'port 0 (any port) needs persistence: set a persistence timeout 1-2678400'];
  }
  return null;
}

/** Throws VALIDATION_FAILED when the (merged) settings do not suit the service; use after a PATCH merge. */
export function checkServiceSettings(key: ServiceKey, settings: ServiceSettings): void {
  const problem = serviceSettingsProblem(key, settings);
  if (problem) throw new AppError('VALIDATION_FAILED', `${problem[0]}: ${problem[1]}`, { field: problem[0] });
}

/**
 * Without persistence the kernel never reads the netmask (it masks client addresses for persistence
 * templates only, ip_vs_sched_persist) and ipvsadm -S writes -M only after -p, so an export would bring
 * such a mask back as the default: a service without persistence gets the default mask, and keeps it.
 */
export function withUsedNetmask<T extends Pick<ServiceSettings, 'persistence' | 'netmask'>>(
  key: ServiceKey,
  settings: T,
): T {
  return settings.persistence > 0 ? settings : { ...settings, netmask: defaultNetmask(serviceFamily(key)) };
}

const optionalSettings = {
  scheduler: settingsShape.scheduler.default('wlc'),
  schedulerFlags: settingsShape.schedulerFlags.default([]),
  persistence: settingsShape.persistence.default(0),
  netmask: settingsShape.netmask.optional(),
  persistenceEngine: settingsShape.persistenceEngine.default(null),
  onePacket: settingsShape.onePacket.default(false),
};

const addressServiceInput = z.strictObject({
  protocol: protocolSchema,
  address: ipAddressSchema,
  port: portSchema,
  ...optionalSettings,
});
const fwmarkServiceInput = z.strictObject({
  protocol: z.literal('fwmark'),
  fwmark: fwmarkSchema,
  family: addressFamilySchema.default('inet'),
  ...optionalSettings,
});

function serviceInputSchemaWith(options: { anyDottedMask?: boolean }) {
  return z
    .discriminatedUnion('protocol', [addressServiceInput, fwmarkServiceInput], {
      error: (issue) =>
        typeof issue.input === 'object' && issue.input !== null
          ? 'must be tcp, udp, sctp or fwmark'
          : 'must be a JSON object',
    })
    .transform((input, ctx): ServiceInput => {
      const family = input.protocol === 'fwmark' ? input.family : serviceFamily(input);
      const given = { ...input, netmask: input.netmask ?? defaultNetmask(family) };
      const problem = serviceSettingsProblem(given, given, options);
      const result = withUsedNetmask(given, given);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem[0]], message: problem[1] });
      // One name per kernel bit, as the kernel will report it back (flag-1 on sh reads back as sh-fallback).
      return { ...result, schedulerFlags: normalizeSchedulerFlags(result.scheduler, result.schedulerFlags) };
    });
}

/**
 * POST /services. Settings may be left out and get ipvsadm's defaults (wlc, not persistent, full mask);
 * the output is a complete ServiceInput with a canonical address.
 */
export const serviceInputSchema = serviceInputSchemaWith({});

/** A service read from restore text: also takes the non-contiguous IPv4 masks ipvsadm -R accepts. */
export const restoredServiceInputSchema = serviceInputSchemaWith({ anyDottedMask: true });

/** PATCH /services/:sid: any subset of the settings; merge with the current ones, then checkServiceSettings. */
export const serviceSettingsPatchSchema = z.strictObject(settingsShape).partial();

export const serviceKeySchema = z.discriminatedUnion('protocol', [
  z.strictObject({ protocol: protocolSchema, address: ipAddressSchema, port: portSchema }),
  z.strictObject({ protocol: z.literal('fwmark'), fwmark: fwmarkSchema, family: addressFamilySchema }),
]);
