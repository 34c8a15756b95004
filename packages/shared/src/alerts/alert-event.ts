// What the agent tells the outside world when something an operator must know happens (docs/api.md
// "Alerts"): the kinds, and the JSON body every webhook receives. A receiver checks `version` first: a
// field may be added within a version, never renamed or removed.
import { z } from 'zod';

export const ALERT_BODY_VERSION = 1;

/**
 * server-down / server-up: a health check's transition (rise/fall reached; the first verdict "up" of a new
 * check is not an event). drain-done: a drain reached zero connections or its deadline. external-change:
 * the table changed outside the agent. interrupted-change: at start, a change the agent was applying when
 * it stopped.
 */
export const alertKinds = [
  'server-down',
  'server-up',
  'drain-done',
  'external-change',
  'interrupted-change',
] as const;
export type AlertKind = (typeof alertKinds)[number];

/** What a caller of `alerts.notify` gives; the agent adds the version, id, time and director. */
export interface AlertEvent {
  kind: AlertKind;
  /** Service id (`tcp:10.0.0.1:80`), when the event is about one service. */
  service?: string | null;
  /** Real server id (`10.0.1.2:80`), when the event is about one real server. */
  server?: string | null;
  /** One sentence a person reads at 3 a.m. */
  message: string;
  /** Kind-specific facts (docs/api.md lists them per kind). */
  details?: Record<string, unknown>;
}

export const alertBodySchema = z.object({
  version: z.literal(ALERT_BODY_VERSION),
  /** Unique per event, the same on every retry: a receiver drops duplicates with it. */
  id: z.string().min(1),
  kind: z.enum(alertKinds),
  /** When it happened, ISO 8601 UTC. */
  at: z.string(),
  /** The director's host name (os.hostname()). */
  director: z.string(),
  service: z.string().nullable(),
  server: z.string().nullable(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AlertBody = z.infer<typeof alertBodySchema>;
