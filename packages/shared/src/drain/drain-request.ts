// POST .../destinations/:did/drain (docs/api.md "Drain"): what a drain does at its end, and how long it may take.
import { z } from 'zod';

/** remove: the real server is deleted at the end; keep: it stays at weight 0, held by the operator. */
export type DrainThen = 'remove' | 'keep';

export interface DrainRequest {
  then: DrainThen;
  /** At most this long (seconds, fractions allowed) before `then` happens with connections still open. */
  deadlineSeconds: number;
}

/** A week: long enough for any persistence timeout people use, short enough to notice a forgotten drain. */
export const MAX_DRAIN_DEADLINE_SECONDS = 7 * 24 * 3600;

const deadlineProblem = `must be a number of seconds more than 0 and at most ${MAX_DRAIN_DEADLINE_SECONDS} (a week)`;

export const drainRequestSchema = z.strictObject({
  then: z.enum(['remove', 'keep'], {
    error: 'must be "remove" (delete the real server at the end) or "keep" (leave it out at weight 0)',
  }),
  deadlineSeconds: z
    .number({ error: deadlineProblem })
    .positive({ error: deadlineProblem })
    .max(MAX_DRAIN_DEADLINE_SECONDS, { error: deadlineProblem }),
}) satisfies z.ZodType<DrainRequest>;
