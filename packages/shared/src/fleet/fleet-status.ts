// GET /api/v1/fleet: every director of the fleet as the local agent last saw it. A peer that cannot be read
// is still listed, with `reachable: false` and why, so one dead director never hides the others.
import { z } from 'zod';
import type { HealthStatus } from '../health/health-status.js';
import type { Destination } from '../model.js';
import { backendKindSchema, type BackendKind } from '../ws.js';

/** Real servers by what keeps them in or out of rotation (each counted once, the worst first). */
export interface ServerCounts {
  /** Its check failed (health "down"). */
  down: number;
  /** Out of rotation by a hold (quiesced by an operator or held by its check) but not failing now. */
  held: number;
  /** Neither: in rotation as far as the agent knows. */
  up: number;
}

export interface FleetDirectorStatus {
  name: string;
  pair: string | null;
  site: string | null;
  /** The peer agent's URL; null for the local director (read without a network hop). */
  url: string | null;
  local: boolean;
  reachable: boolean;
  /** Why it could not be read ("timed out after 2000 ms", "401: the token was refused"); null when read. */
  error: string | null;
  backend: BackendKind | null;
  version: string | null;
  services: number | null;
  realServers: number | null;
  servers: ServerCounts | null;
  /** keepalived VRRP state as GET /info owners shows it: master, backup, mixed or unknown; null: no keepalived. */
  vrrp: 'master' | 'backup' | 'mixed' | 'unknown' | null;
  /** How long reading it took, ms (0 for the local director). */
  latencyMs: number;
  /** When it was read, ms since the epoch. */
  checkedAt: number;
}

export interface FleetResponse {
  /** This agent's name in the fleet. */
  self: string;
  directors: FleetDirectorStatus[];
}

export const serverCountsSchema = z.object({
  down: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
  up: z.number().int().nonnegative(),
}) satisfies z.ZodType<ServerCounts>;

export const fleetDirectorStatusSchema = z.object({
  name: z.string(),
  pair: z.string().nullable(),
  site: z.string().nullable(),
  url: z.string().nullable(),
  local: z.boolean(),
  reachable: z.boolean(),
  error: z.string().nullable(),
  backend: backendKindSchema.nullable(),
  version: z.string().nullable(),
  services: z.number().int().nonnegative().nullable(),
  realServers: z.number().int().nonnegative().nullable(),
  servers: serverCountsSchema.nullable(),
  vrrp: z.enum(['master', 'backup', 'mixed', 'unknown']).nullable(),
  latencyMs: z.number().nonnegative(),
  checkedAt: z.number().int().nonnegative(),
}) satisfies z.ZodType<FleetDirectorStatus>;

export const fleetResponseSchema = z.object({
  self: z.string(),
  directors: z.array(fleetDirectorStatusSchema),
}) satisfies z.ZodType<FleetResponse>;

/** Where a real server counts: down (its check failed), else held (any hold), else up. */
export function serverCountKey(health: HealthStatus['state'] | undefined, holds: number): keyof ServerCounts {
  if (health === 'down') return 'down';
  return holds > 0 ? 'held' : 'up';
}

/** What the counts read of a table: each real server's holds and health (a peer's answer, checked this far). */
export type CountableTable = readonly { destinations: readonly Pick<Destination, 'holds' | 'health'>[] }[];

/** Counts a decorated table's real servers by serverCountKey. */
export function countServers(table: CountableTable): ServerCounts {
  const counts: ServerCounts = { down: 0, held: 0, up: 0 };
  for (const service of table) {
    for (const destination of service.destinations) {
      counts[serverCountKey(destination.health?.state, destination.holds?.length ?? 0)] += 1;
    }
  }
  return counts;
}

/** One word for a director's VRRP instances: all master, all backup, a mix, or none known. */
export function vrrpSummary(
  states: readonly ('master' | 'backup' | 'unknown')[],
): FleetDirectorStatus['vrrp'] {
  if (states.length === 0) return null;
  if (states.every((state) => state === 'master')) return 'master';
  if (states.every((state) => state === 'backup')) return 'backup';
  if (states.some((state) => state === 'unknown')) return 'unknown';
  return 'mixed';
}
