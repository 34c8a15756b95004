// GET /connections query: filters, search, sort and paging of the connection table (docs/api.md). The agent
// runs them (10k rows stay on the agent; the browser gets one page), the web app keeps them in its URL.
import { z } from 'zod';
import { intInRange } from '../schemas/primitives.js';

/** Columns a connection list can be sorted by. Addresses sort by family, then numerically, then port. */
export const connectionSortKeys = [
  'protocol',
  'client',
  'virtual',
  'destination',
  'state',
  'expires',
] as const;
export type ConnectionSortKey = (typeof connectionSortKeys)[number];

/** Which addresses a search looks at: client, virtual (the address the client asked for), real server. */
export const connectionSearchScopes = ['any', 'client', 'virtual', 'destination'] as const;
export type ConnectionSearchScope = (typeof connectionSearchScopes)[number];

/**
 * Persistence templates (one per client and service, while persistence lasts) can outnumber the
 * connections: `last` lists them after every connection, `hide` leaves them out, `only` lists them alone.
 */
export const connectionTemplateModes = ['last', 'hide', 'only'] as const;
export type ConnectionTemplateMode = (typeof connectionTemplateModes)[number];

export const CONNECTION_SEARCH_MAX = 100;

const queryInt = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `must be a whole number ${min}-${max}` })
    .pipe(intInRange(min, max))
    .default(fallback);

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** GET /connections query string (all values arrive as strings). */
export const connectionsQuerySchema = z.object({
  service: z.string().optional(),
  destination: z.string().optional(),
  state: z.string().optional(),
  search: z
    .string({ error: 'must be text' })
    .trim()
    .max(CONNECTION_SEARCH_MAX, { error: `must be at most ${CONNECTION_SEARCH_MAX} characters` })
    .optional(),
  searchIn: oneOf(connectionSearchScopes).default('any'),
  sort: oneOf(connectionSortKeys).optional(),
  order: oneOf(['asc', 'desc'] as const).default('asc'),
  templates: oneOf(connectionTemplateModes).default('last'),
  offset: queryInt(0, Number.MAX_SAFE_INTEGER, 0),
  limit: queryInt(1, 1000, 100),
});

export type ConnectionsQuery = z.output<typeof connectionsQuerySchema>;
