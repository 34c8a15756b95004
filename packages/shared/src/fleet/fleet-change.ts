// A change made on several directors at once (POST /api/v1/fleet/changes, docs/api.md "Fleet changes"):
// the request, and the answer that says where each director stands. The change is either ipvsadm restore
// lines merged as POST /config merges them, or a quiesce/unquiesce of one real server made by each
// director's own quiesce path (an operator hold that remembers the weight, which restore lines cannot
// place). Either way every director validates it with its own kernel, plans it with its own dry run,
// applies it as one change (one id, one undo) through its own pipeline.
import { z } from 'zod';
import { restorePlanSchema, type RestorePlan } from '../api.js';
import { parseDestinationId, parseServiceId } from '../ids.js';
import { weightInputSchema } from '../schemas/primitives.js';
import { directorNameSchema } from './fleet-file.js';

/** A fleet change's id, carried to every director in the X-Fleet-Change header and kept on its audit record. */
export const fleetChangeIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/,
    'a fleet change id is 1-80 letters, digits, ".", "_", ":" or "-"',
  );

/** The header an agent takes a fleet change id from (from an admin token only). */
export const fleetChangeHeader = 'x-fleet-change';

/** `ipvsadm -R` lines, merged into each director's table (no `-C`: nothing is removed that is not named). */
export const fleetRestoreChangeSchema = z.strictObject({
  text: z
    .string()
    .max(1024 * 1024, 'at most 1 MB of restore lines')
    .refine((text) => text.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('#')), {
      message: 'give at least one ipvsadm restore line, e.g. -e -t 10.0.0.1:80 -r 10.0.1.1:80 -g -w 5',
    })
    .refine((text) => !/^\s*#\s*ipvs-dashboard\b/m.test(text), {
      message:
        'health check and policy lines (# ipvs-dashboard ...) are not part of a fleet change; set them on each director',
    })
    .refine((text) => !/^\s*-C\b/m.test(text), {
      message: 'a fleet change cannot clear tables (-C); name the services to remove with -D',
    }),
});
export type FleetRestoreChange = z.infer<typeof fleetRestoreChangeSchema>;

/** True when `parse` takes the text (the id parsers throw a sentence naming what is wrong). */
const parses = (parse: (id: string) => unknown) => (id: string) => {
  try {
    parse(id);
    return true;
  } catch {
    return false;
  }
};

/**
 * Quiesce or unquiesce one real server on each director through its own quiesce path (POST
 * .../quiesce|unquiesce): an operator hold remembering the weight, released by unquiesce, which gives back
 * each director's own remembered weight (or `weight`, when given).
 */
export const fleetHoldChangeSchema = z
  .strictObject({
    kind: z.enum(['quiesce', 'unquiesce']),
    /** serviceId(), e.g. "tcp:10.0.0.1:80" or "fwmark:7". */
    service: z.string().refine(parses(parseServiceId), {
      message: 'service must be a service id like tcp:10.0.0.1:80 or fwmark:7',
    }),
    /** destinationId(), e.g. "10.0.1.1:80". */
    server: z.string().refine(parses(parseDestinationId), {
      message: 'server must be a real server like 10.0.1.1:80 or [2001:db8::1]:80',
    }),
    /** unquiesce only: the weight to give back instead of each director's remembered one. */
    weight: weightInputSchema.optional(),
  })
  .refine((change) => change.kind === 'unquiesce' || change.weight === undefined, {
    message: 'a quiesce takes no weight (it sets 0 and remembers the weight each director has)',
    path: ['weight'],
  });
export type FleetHoldChange = z.infer<typeof fleetHoldChangeSchema>;

/** Restore lines (`{text}`) or a hold change (`{kind: "quiesce"|"unquiesce", service, server}`). */
export const fleetChangeBodySchema = z.unknown().transform((body, context): FleetChangeBody => {
  // Told apart by `kind`, so a mistake is reported against the shape the caller meant, not a union's.
  const schema =
    typeof body === 'object' && body !== null && 'kind' in body
      ? fleetHoldChangeSchema
      : fleetRestoreChangeSchema;
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) context.addIssue({ ...issue, code: 'custom' });
  return z.NEVER;
});
export type FleetChangeBody = FleetRestoreChange | FleetHoldChange;

export const isHoldChange = (change: FleetChangeBody): change is FleetHoldChange => 'kind' in change;

export const fleetChangeRequestSchema = z.strictObject({
  /** Names from the fleet file, this agent's own included by its name; applied in this order. */
  directors: z
    .array(directorNameSchema)
    .min(1, 'pick at least one director')
    .max(64)
    .refine((names) => new Set(names).size === names.length, 'name each director once'),
  change: fleetChangeBodySchema,
  /**
   * Per director, the ETag (table generation) the change was planned against: a director whose table moved
   * since refuses at apply (409), and the directors already changed are rolled back.
   */
  ifMatch: z
    .record(directorNameSchema, z.union([z.string().min(1), z.number().int().nonnegative()]))
    .optional(),
});
export type FleetChangeRequest = z.infer<typeof fleetChangeRequestSchema>;

/**
 * Where one director stands: `planned` (dry run passed), `applied`, `rolled-back` (applied, then undone
 * because another director refused), `refused` (its plan or its apply was refused, or it could not be
 * reached: `reason`), `not-tried`, `rollback-failed` (applied and could not be undone: `reason`, `todo`),
 * `unknown` (it took the apply and never answered, and could not be asked afterwards whether it applied:
 * `reason`, `todo`).
 */
export type FleetDirectorState =
  'planned' | 'applied' | 'rolled-back' | 'refused' | 'not-tried' | 'rollback-failed' | 'unknown';
export const fleetDirectorStates = [
  'planned',
  'applied',
  'rolled-back',
  'refused',
  'not-tried',
  'rollback-failed',
  'unknown',
] as const satisfies readonly FleetDirectorState[];

export interface FleetDirectorResult {
  name: string;
  state: FleetDirectorState;
  /** Its own dry run's plan, null when the plan was refused or not asked. */
  plan: RestorePlan | null;
  /**
   * The ETag (table generation) its plan was made against: send it back in `ifMatch` to apply only onto
   * that table (the web app's Apply does), so a director changed since the plan refuses.
   */
  etag: string | null;
  /** Every problem its plan had (each restore line it refuses, a scheduler its kernel lacks, ...). */
  problems: string[];
  /** The change its agent recorded (GET /changes/<id> there); null when not applied or nothing to do. */
  changeId: string | null;
  /** The undo its agent recorded when it was rolled back. */
  undoChangeId: string | null;
  /** Why it was refused, its rollback failed or its state is unknown; how an unanswered apply was confirmed. */
  reason: string | null;
  /** What the operator should do now (rollback-failed, unknown, an unanswered apply). */
  todo: string | null;
}

/**
 * planned: dry run; refused: a plan had problems, nothing applied; the rest: after applying. `unknown`: a
 * director's apply went unanswered and it could not be asked since, so whether it keeps the change is not
 * known (the others were rolled back); `rollback-failed` wins over it.
 */
export type FleetChangeOutcome =
  'planned' | 'refused' | 'applied' | 'rolled-back' | 'rollback-failed' | 'unknown';
export const fleetChangeOutcomes = [
  'planned',
  'refused',
  'applied',
  'rolled-back',
  'rollback-failed',
  'unknown',
] as const satisfies readonly FleetChangeOutcome[];

export interface FleetChangeAnswer {
  id: string;
  dryRun: boolean;
  outcome: FleetChangeOutcome;
  /** One sentence for people. */
  summary: string;
  directors: FleetDirectorResult[];
}

export const fleetDirectorResultSchema = z.object({
  name: z.string(),
  state: z.enum(fleetDirectorStates),
  plan: restorePlanSchema.nullable(),
  etag: z.string().nullable(),
  problems: z.array(z.string()),
  changeId: z.string().nullable(),
  undoChangeId: z.string().nullable(),
  reason: z.string().nullable(),
  todo: z.string().nullable(),
}) satisfies z.ZodType<FleetDirectorResult>;

export const fleetChangeAnswerSchema = z.object({
  id: z.string(),
  dryRun: z.boolean(),
  outcome: z.enum(fleetChangeOutcomes),
  summary: z.string(),
  directors: z.array(fleetDirectorResultSchema),
}) satisfies z.ZodType<FleetChangeAnswer>;
