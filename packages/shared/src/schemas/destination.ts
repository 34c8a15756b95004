// Real server input (POST .../destinations) and settings patch, with ipvsadm's tunnel and threshold rules.
import { z } from 'zod';
import { AppError } from '../errors.js';
import { serviceFamily } from '../ids.js';
import { parseIpAddress } from '../ip-address.js';
import type { DestinationKey, DestinationSettings, ForwardingMethod, ServiceKey } from '../model.js';
import {
  inputForwardingSchema,
  ipAddressSchema,
  portSchema,
  thresholdSchema,
  tunnelChecksumSchema,
  tunnelTypeSchema,
  weightInputSchema,
} from './primitives.js';

type Problem = [field: string, message: string];

function tunnelProblem(settings: DestinationSettings): Problem | null {
  const { forwarding, tunnelType, tunnelPort, tunnelChecksum } = settings;
  if (forwarding !== 'tunnel') {
    if (tunnelType !== 'ipip' || tunnelPort !== 0 || tunnelChecksum !== 'nocsum') {
      return ['tunnelType', 'tunnel options only apply with tunnel forwarding'];
    }
    return null;
  }
  // ipvsadm.c checks the same combinations before it talks to the kernel.
  if (tunnelType === 'gue' && tunnelPort === 0) {
    return ['tunnelPort', 'a gue tunnel needs a tunnel port 1-65535'];
  }
  if (tunnelType !== 'gue' && tunnelPort !== 0) {
    return ['tunnelPort', 'only gue tunnels take a tunnel port; set it to 0'];
  }
  if (tunnelType === 'ipip' && tunnelChecksum !== 'nocsum') {
    return ['tunnelChecksum', 'ipip tunnels take no checksum option; use nocsum'];
  }
  if (tunnelType === 'gre' && tunnelChecksum === 'remcsum') {
    return ['tunnelChecksum', 'gre tunnels support nocsum or csum, not remcsum'];
  }
  return null;
}

/** Why these settings are inconsistent on their own, as [field, message], or null. */
export function destinationSettingsProblem(settings: DestinationSettings): Problem | null {
  // Kernel ip_vs_ctl.c: "lower threshold is higher than upper threshold" -> ERANGE, even when upper is 0.
  if (settings.lowerThreshold > settings.upperThreshold) {
    return ['lowerThreshold', 'must not be higher than upperThreshold'];
  }
  return tunnelProblem(settings);
}

/**
 * The port a real server of this forwarding must have on this service, or null when any port is kept.
 * Route and tunnel forwarding leave the packet's destination port alone (ip_vs_xmit.c), so the real server
 * is reached on the port the client asked for; ipvsadm.c therefore sets their port to the service's ("The
 * destination port must be equal to service port if the IP_VS_CONN_F_TUNNEL or IP_VS_CONN_F_DROUTE is set.
 * Don't worry about this if fwmark is used."), and so does `ipvsadm -R` on every restore line.
 */
export function requiredDestinationPort(service: ServiceKey, forwarding: ForwardingMethod): number | null {
  return service.protocol !== 'fwmark' && forwarding !== 'masq' ? service.port : null;
}

/** Why this real server cannot join that service, as [field, message], or null. */
export function destinationForServiceProblem(
  service: ServiceKey,
  destination: DestinationKey & Pick<DestinationSettings, 'forwarding'>,
): Problem | null {
  const family = parseIpAddress(destination.address)?.family;
  // ipvsadm.c / kernel: a dest of the other family only works through a tunnel (EAFNOSUPPORT otherwise).
  if (family !== serviceFamily(service) && destination.forwarding !== 'tunnel') {
    return ['address', 'a real server of the other address family needs tunnel forwarding'];
  }
  // The kernel would keep another port, but it forwards to the service port anyway, and an export of it
  // would come back from an import (ours or ipvsadm -R) as a different real server: refuse it here.
  const port = requiredDestinationPort(service, destination.forwarding);
  if (port !== null && destination.port !== port) {
    return [
      'port',
      `${destination.forwarding} forwarding reaches the real server on the port the client asked for, so it ` +
        `must be on the service port ${port}, not ${destination.port} (ipvsadm -R would restore it on ` +
        `${port}); use port ${port}, or masq forwarding to send to another port`,
    ];
  }
  return null;
}

function throwProblem(problem: Problem | null): void {
  if (problem) throw new AppError('VALIDATION_FAILED', `${problem[0]}: ${problem[1]}`, { field: problem[0] });
}

/** Throws VALIDATION_FAILED when merged settings are inconsistent; use after a PATCH merge. */
export function checkDestinationSettings(settings: DestinationSettings): void {
  throwProblem(destinationSettingsProblem(settings));
}

/** Throws VALIDATION_FAILED when the real server does not suit the service (family vs forwarding). */
export function checkDestinationForService(
  service: ServiceKey,
  destination: DestinationKey & Pick<DestinationSettings, 'forwarding'>,
): void {
  throwProblem(destinationForServiceProblem(service, destination));
}

const settingsShape = {
  forwarding: inputForwardingSchema,
  weight: weightInputSchema,
  upperThreshold: thresholdSchema,
  lowerThreshold: thresholdSchema,
  tunnelType: tunnelTypeSchema,
  tunnelPort: portSchema,
  tunnelChecksum: tunnelChecksumSchema,
};

function destinationInputSchemaWith(weight: z.ZodNumber) {
  return z
    .strictObject({
      address: ipAddressSchema,
      port: portSchema,
      forwarding: settingsShape.forwarding.default('route'),
      weight: weight.default(1),
      upperThreshold: settingsShape.upperThreshold.default(0),
      lowerThreshold: settingsShape.lowerThreshold.default(0),
      tunnelType: settingsShape.tunnelType.default('ipip'),
      tunnelPort: settingsShape.tunnelPort.default(0),
      tunnelChecksum: settingsShape.tunnelChecksum.default('nocsum'),
    })
    .superRefine((input, ctx) => {
      const problem = destinationSettingsProblem(input);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem[0]], message: problem[1] });
    });
}

/**
 * POST .../destinations. Settings may be left out and get ipvsadm's defaults (route, weight 1, no
 * thresholds, ipip). Checks the settings on their own; checkDestinationForService needs the service too.
 */
export const destinationInputSchema = destinationInputSchemaWith(weightInputSchema);

/**
 * A real server read from restore text: the same range as the API. ipvsadm 1.31 -R takes weights up to
 * INT_MAX despite its man page (UML guest: `-w 2147483647` accepted, `-w 2147483648` "illegal weight").
 */
export const restoredDestinationInputSchema = destinationInputSchemaWith(weightInputSchema);

/** PATCH .../destinations/:did: any subset; merge with the current settings, then checkDestinationSettings. */
export const destinationSettingsPatchSchema = z.strictObject(settingsShape).partial();

export const destinationKeySchema = z.strictObject({ address: ipAddressSchema, port: portSchema });
