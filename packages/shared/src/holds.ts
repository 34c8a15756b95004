// Holds with reasons (docs/api.md "Holds"): a real server is out of rotation (weight 0, its weight remembered)
// while it has at least one hold, and goes back to that weight only when the last one is released. The
// rule lives here once; the agent's hold store and the web card both read it.
import { z } from 'zod';

/**
 * operator: quiesced by a person (POST .../quiesce, drag to quiesce); health: its check failed; drain: a drain
 * to completion is running (POST .../drain), which removes the server or hands it to `operator` at its end.
 */
export type HoldKind = 'operator' | 'health' | 'drain';
export const holdKinds = ['operator', 'health', 'drain'] as const satisfies readonly HoldKind[];

export interface Hold {
  kind: HoldKind;
  /** When it was placed, ms since the epoch. */
  since: number;
  /** Why, in a few words: "quiesced by admin", "connect refused". */
  reason: string;
}

export const holdSchema = z.object({
  kind: z.enum(holdKinds),
  since: z.number().int().nonnegative(),
  reason: z.string(),
}) satisfies z.ZodType<Hold>;

/** The holds with `hold` placed: one hold per kind, a second of the same kind keeps the first's `since`. */
export function withHold(holds: readonly Hold[], hold: Hold): Hold[] {
  if (holds.some((h) => h.kind === hold.kind)) {
    return holds.map((h) => (h.kind === hold.kind ? { ...h, reason: hold.reason } : h));
  }
  return [...holds, hold];
}

/** The holds without the one of `kind`. */
export function withoutHold(holds: readonly Hold[], kind: HoldKind): Hold[] {
  return holds.filter((h) => h.kind !== kind);
}

export function holdOf(holds: readonly Hold[] | undefined, kind: HoldKind): Hold | undefined {
  return holds?.find((h) => h.kind === kind);
}
