// GET /api/v1/fleet/history: the Fleet page's 1-hour sparklines, one per director, from Prometheus. The
// agent asks ONE PromQL query grouped by Prometheus's `instance` label (the label its scrape gives each
// director), so twenty directors cost Prometheus one evaluation, not twenty.
import { z } from 'zod';

/** The sparkline's span and step: an hour at one point a minute (Prometheus's usual scrape is 15 s-1 min). */
export const FLEET_HISTORY_SPAN_MS = 3_600_000;
export const FLEET_HISTORY_STEP_MS = 60_000;
/** rate() needs two samples in its window: two minutes covers a 1-minute scrape interval. */
export const FLEET_HISTORY_RATE_WINDOW_MS = 120_000;

export interface FleetHistoryPoint {
  at: number;
  /** New connections per second over the director's whole table (node_ipvs_connections_total). */
  cps: number;
}

export interface FleetDirectorHistory {
  name: string;
  /** The `instance` label its series carry in Prometheus; null: not known (see `note`). */
  instance: string | null;
  points: FleetHistoryPoint[];
  /** Why there is no line: no instance known, or no series under it in the hour; null when there are points. */
  note: string | null;
}

export interface FleetHistoryResponse {
  from: number;
  to: number;
  stepMs: number;
  /** The PromQL asked (once, for every director), so an operator can try it in Prometheus. */
  query: string;
  directors: FleetDirectorHistory[];
}

export const fleetHistoryPointSchema = z.object({
  at: z.number().int().nonnegative(),
  cps: z.number().nonnegative(),
}) satisfies z.ZodType<FleetHistoryPoint>;

export const fleetDirectorHistorySchema = z.object({
  name: z.string(),
  instance: z.string().nullable(),
  points: z.array(fleetHistoryPointSchema),
  note: z.string().nullable(),
}) satisfies z.ZodType<FleetDirectorHistory>;

export const fleetHistoryResponseSchema = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  stepMs: z.number().int().positive(),
  query: z.string(),
  directors: z.array(fleetDirectorHistorySchema),
}) satisfies z.ZodType<FleetHistoryResponse>;

/**
 * The instance label Prometheus gives a scrape target by default: its host:port, with the scheme's port
 * when the URL leaves it out (https://lb2 is scraped as "lb2:443").
 */
export function defaultInstanceOf(url: string): string {
  // The fleet file's schema has already held url to scheme://host[:port] with no path.
  const match = /^(https?):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?/i.exec(url);
  if (!match) return url;
  const port = match[3] ?? (match[1]!.toLowerCase() === 'https' ? '443' : '80');
  return `${match[2]!.toLowerCase()}:${port}`;
}
