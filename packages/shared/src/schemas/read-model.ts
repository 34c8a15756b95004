// Schemas of what the agent sends (the read model), so the web app validates every body it receives.
// Lenient where the kernel is: weights up to INT_MAX, any scheduler name, local/bypass forwarding.
import { z } from 'zod';
import type {
  Connection,
  Destination,
  IpvsInfo,
  KernelSetting,
  Service,
  ServiceWithDestinations,
  Stats,
  SyncDaemon,
  Timeouts,
} from '../model.js';
import {
  INT_MAX,
  addressFamilySchema,
  forwardingSchema,
  persistenceEngineSchema,
  schedulerFlagSchema,
  tunnelChecksumSchema,
  tunnelTypeSchema,
} from './primitives.js';
import { serviceKeySchema } from './service.js';
import { healthStatusSchema } from '../health/health-status.js';
import { holdSchema } from '../holds.js';
import { drainProgressSchema } from '../drain/drain-progress.js';
import { rampStatusSchema } from '../policy/service-policy.js';

const count = z.number().int().nonnegative();
const rate = z.number().nonnegative();

export const statsSchema = z.object({
  conns: count,
  inPackets: count,
  outPackets: count,
  inBytes: count,
  outBytes: count,
  cps: rate,
  inPps: rate,
  outPps: rate,
  inBps: rate,
  outBps: rate,
}) satisfies z.ZodType<Stats>;

export const totalsSchema = statsSchema;

export const serviceSchema = z.object({
  key: serviceKeySchema,
  family: addressFamilySchema,
  scheduler: z.string(),
  schedulerFlags: z.array(schedulerFlagSchema),
  persistence: count,
  netmask: z.string(),
  persistenceEngine: persistenceEngineSchema.or(z.string()).nullable(),
  onePacket: z.boolean(),
  stats: statsSchema,
}) satisfies z.ZodType<Service>;

const kernelInt = z.number().int().min(0).max(INT_MAX);

export const destinationSchema = z.object({
  address: z.string(),
  port: z.number().int().min(0).max(65535),
  family: addressFamilySchema,
  forwarding: forwardingSchema,
  weight: kernelInt,
  upperThreshold: kernelInt,
  lowerThreshold: kernelInt,
  tunnelType: tunnelTypeSchema,
  tunnelPort: z.number().int().min(0).max(65535),
  tunnelChecksum: tunnelChecksumSchema,
  activeConns: count,
  inactiveConns: count,
  persistentConns: count,
  overloaded: z.boolean(),
  stats: statsSchema,
  holds: z.array(holdSchema).optional(),
  health: healthStatusSchema.optional(),
  drain: drainProgressSchema.nullable().optional(),
  ramp: rampStatusSchema.optional(),
  sorryServer: z.boolean().optional(),
}) satisfies z.ZodType<Destination>;

export const serviceWithDestinationsSchema = serviceSchema.extend({
  destinations: z.array(destinationSchema),
}) satisfies z.ZodType<ServiceWithDestinations>;

export const ipvsInfoSchema = z.object({
  version: z.string(),
  connTableSize: count,
}) satisfies z.ZodType<IpvsInfo>;

export const timeoutsReadSchema = z.object({
  tcp: count,
  tcpFin: count,
  udp: count,
}) satisfies z.ZodType<Timeouts>;

export const syncDaemonSchema = z.object({
  state: z.enum(['master', 'backup']),
  interface: z.string(),
  syncId: count,
  maxLen: count,
  group: z.string(),
  port: count,
  ttl: count,
}) satisfies z.ZodType<SyncDaemon>;

export const connectionSchema = z.object({
  protocol: z.string(),
  clientAddress: z.string(),
  clientPort: count,
  virtualAddress: z.string(),
  virtualPort: count,
  destAddress: z.string(),
  destPort: count,
  state: z.string(),
  expiresSeconds: z.number().nonnegative(),
  template: z.boolean(),
  persistenceEngine: z.string().nullable(),
  persistenceData: z.string().nullable(),
  fwmark: z.number().int().nonnegative().nullable(),
}) satisfies z.ZodType<Connection>;

export const kernelSettingSchema = z.object({
  name: z.string(),
  value: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  description: z.string(),
}) satisfies z.ZodType<KernelSetting>;
