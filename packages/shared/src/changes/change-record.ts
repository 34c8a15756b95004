// The change log's vocabulary (docs/api.md "Changes"): every change to the director, made through the
// API or only observed, recorded with who, when, the equivalent ipvsadm commands, the rows before and
// after, and whether it can be undone. The agent writes these; the Activity page reads them.
import { z } from 'zod';
import type { SavableService } from '../ipvsadm-format/save-table.js';
import type { SyncDaemon, Timeouts } from '../model.js';
import {
  forwardingSchema,
  persistenceEngineSchema,
  schedulerFlagSchema,
  tunnelChecksumSchema,
  tunnelTypeSchema,
} from '../schemas/primitives.js';
import { syncDaemonSchema } from '../schemas/read-model.js';
import { serviceKeySchema } from '../schemas/service.js';

/** What was asked for; `external` is a difference the agent only saw (ipvsadm, keepalived, ...). */
export type ChangeAction =
  | 'add-service'
  | 'edit-service'
  | 'delete-service'
  | 'add-destination'
  | 'edit-destination'
  | 'delete-destination'
  | 'quiesce'
  | 'unquiesce'
  | 'restore'
  | 'merge'
  | 'clear'
  | 'zero'
  | 'timeouts'
  | 'kernel-setting'
  | 'start-daemon'
  | 'stop-daemon'
  | 'revert'
  | 'rollback'
  | 'resume'
  | 'health-down'
  | 'health-up'
  | 'drain'
  | 'drain-cancel'
  | 'drain-remove'
  | 'slow-start'
  | 'sorry-server-on'
  | 'sorry-server-off'
  | 'external';

export const changeActions = [
  'add-service',
  'edit-service',
  'delete-service',
  'add-destination',
  'edit-destination',
  'delete-destination',
  'quiesce',
  'unquiesce',
  'restore',
  'merge',
  'clear',
  'zero',
  'timeouts',
  'kernel-setting',
  'start-daemon',
  'stop-daemon',
  'revert',
  'rollback',
  'resume',
  'health-down',
  'health-up',
  'drain',
  'drain-cancel',
  'drain-remove',
  'slow-start',
  'sorry-server-on',
  'sorry-server-off',
  'external',
] as const satisfies readonly ChangeAction[];

/**
 * Who: a caller of the API (by its token's name), the agent itself, its health checks (an automatic
 * action), or someone the agent only observed (`likely`: programs found managing the touched services
 * when the change was seen, GET /info owners).
 */
export type ChangeActor =
  | { type: 'api'; name: string }
  | { type: 'agent' }
  | { type: 'health-check' }
  | { type: 'external'; likely?: string[] };

/** applied: every step ran; rolled-back: a step was refused and what had run was undone. */
export type ChangeStatus = 'applied' | 'rolled-back' | 'failed';

/** What beside the table a change set: timeouts, one /proc/sys/net/ipv4/vs setting, a sync daemon (null: not running). */
export type SettingChange =
  | { kind: 'timeouts'; before: Timeouts; after: Timeouts }
  | { kind: 'kernel-setting'; name: string; before: number; after: number }
  | { kind: 'daemon'; before: SyncDaemon | null; after: SyncDaemon | null };

/**
 * A real server a change removed while it was held out (a drain's `drain-remove`): the weight its holds
 * remembered, so an undo brings it back held out with that weight to give back (docs/api.md "Drain").
 */
export interface HeldOut {
  service: string;
  destination: string;
  weight: number;
}

export interface ChangeRecord {
  /** Unique, sortable: later changes have greater ids. */
  id: string;
  /** When it finished (API) or was seen (external), ms since the epoch. */
  at: number;
  actor: ChangeActor;
  source: 'api' | 'external';
  action: ChangeAction;
  /** One sentence for people, e.g. "Quiesced 10.0.1.2:80 in tcp:10.0.0.1:80 (weight 5 -> 0)". */
  summary: string;
  status: ChangeStatus;
  /** Why it was refused, when status is not applied. */
  error?: string;
  /** serviceId() of every service the change touched, to filter by. */
  services: string[];
  /** The equivalent ipvsadm commands, in the order they ran. */
  commands: string[];
  /** The commands that undo it (POST /changes/:id/revert runs them as a new change); null: no undo (zero). */
  inverse: string[] | null;
  /** The touched services as they were and as they became (settings and real servers, no counters). */
  before: SavableService[];
  after: SavableService[];
  setting?: SettingChange;
  /** The change this one reverts, rolls back or resumes. */
  revertOf?: string;
  /** The table generation (ETag) it produced. */
  generation?: number;
  /** The fleet change (POST /fleet/changes on some agent) this change was part of: X-Fleet-Change. */
  fleetChange?: string;
  /** Real servers it removed while held out, with the weight they had before (undo holds them out again). */
  heldOut?: HeldOut[];
}

/** GET /changes: newest first; `next` is the `before` cursor of the following page, null at the end. */
export interface ChangesPage {
  items: ChangeRecord[];
  next: string | null;
}

/** A change the agent was applying when it stopped (kill -9, power loss): GET /info, POST /changes/:id/rollback|resume. */
export interface InterruptedChange {
  id: string;
  action: ChangeAction;
  summary: string;
  startedAt: number;
  /** Steps the journal records as done, of `total`; steps in flight at the crash may also have run. */
  applied: number;
  total: number;
  services: string[];
}

const savableDestinationSchema = z.object({
  address: z.string(),
  port: z.number().int().min(0).max(65535),
  forwarding: forwardingSchema,
  weight: z.number().int().nonnegative(),
  upperThreshold: z.number().int().nonnegative(),
  lowerThreshold: z.number().int().nonnegative(),
  tunnelType: tunnelTypeSchema,
  tunnelPort: z.number().int().min(0).max(65535),
  tunnelChecksum: tunnelChecksumSchema,
});

/** A service as a change record keeps it (lenient as the read model: any scheduler name). */
export const savableServiceSchema = z.object({
  key: serviceKeySchema,
  scheduler: z.string(),
  schedulerFlags: z.array(schedulerFlagSchema),
  persistence: z.number().int().nonnegative(),
  netmask: z.string(),
  persistenceEngine: persistenceEngineSchema.or(z.string()).nullable(),
  onePacket: z.boolean(),
  destinations: z.array(savableDestinationSchema),
}) satisfies z.ZodType<SavableService>;

const timeoutsValueSchema = z.object({
  tcp: z.number().int().nonnegative(),
  tcpFin: z.number().int().nonnegative(),
  udp: z.number().int().nonnegative(),
});

export const changeRecordSchema = z.object({
  id: z.string(),
  at: z.number().int().nonnegative(),
  actor: z.discriminatedUnion('type', [
    z.object({ type: z.literal('api'), name: z.string() }),
    z.object({ type: z.literal('agent') }),
    z.object({ type: z.literal('health-check') }),
    z.object({ type: z.literal('external'), likely: z.array(z.string()).optional() }),
  ]),
  source: z.enum(['api', 'external']),
  action: z.enum(changeActions),
  summary: z.string(),
  status: z.enum(['applied', 'rolled-back', 'failed']),
  error: z.string().optional(),
  services: z.array(z.string()),
  commands: z.array(z.string()),
  inverse: z.array(z.string()).nullable(),
  before: z.array(savableServiceSchema),
  after: z.array(savableServiceSchema),
  setting: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('timeouts'), before: timeoutsValueSchema, after: timeoutsValueSchema }),
      z.object({
        kind: z.literal('kernel-setting'),
        name: z.string(),
        before: z.number().int(),
        after: z.number().int(),
      }),
      z.object({
        kind: z.literal('daemon'),
        before: syncDaemonSchema.nullable(),
        after: syncDaemonSchema.nullable(),
      }),
    ])
    .optional(),
  revertOf: z.string().optional(),
  generation: z.number().int().nonnegative().optional(),
  fleetChange: z.string().optional(),
  heldOut: z
    .array(z.object({ service: z.string(), destination: z.string(), weight: z.number().int().positive() }))
    .optional(),
}) satisfies z.ZodType<ChangeRecord>;

export const changesPageSchema = z.object({
  items: z.array(changeRecordSchema),
  next: z.string().nullable(),
}) satisfies z.ZodType<ChangesPage>;

export const interruptedChangeSchema = z.object({
  id: z.string(),
  action: z.enum(changeActions),
  summary: z.string(),
  startedAt: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  services: z.array(z.string()),
}) satisfies z.ZodType<InterruptedChange>;

/** POST /changes/:id/revert body (optional): force = undo even where the rows changed since. */
export const revertRequestSchema = z.strictObject({ force: z.boolean().optional() });

/** GET /changes query string. */
export const changesQuerySchema = z.object({
  service: z.string().optional(),
  source: z.enum(['api', 'external']).optional(),
  /** only the changes of one fleet change (their X-Fleet-Change id). */
  fleetChange: z.string().optional(),
  /** ms since the epoch: only changes at or after it. */
  since: z.coerce.number({ error: 'must be a time in ms since the epoch' }).int().nonnegative().optional(),
  /** a change id: only changes older than it (the previous page's `next`). */
  before: z.string().optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number 1-500' })
    .int()
    .min(1, { error: 'must be a whole number 1-500' })
    .max(500, { error: 'must be a whole number 1-500' })
    .default(50),
});
