// Named tokens and what each role may do: the one home of the rule, used by the agent to answer 403 and
// by the web app to disable what the signed-in token cannot do.
import { z } from 'zod';

/** viewer: reads everything, changes nothing; operator: weights, quiesce, drain, zero; admin: everything. */
export type Role = 'viewer' | 'operator' | 'admin';
export const roles: readonly Role[] = ['viewer', 'operator', 'admin'];
export const roleSchema = z.enum(['viewer', 'operator', 'admin']);

/** Who is calling: the token's name and role, and the services it is limited to (null: all). */
export interface Caller {
  name: string;
  role: Role;
  services: string[] | null;
}

export const callerSchema = z.object({
  name: z.string(),
  role: roleSchema,
  services: z.array(z.string()).nullable(),
}) satisfies z.ZodType<Caller>;

/** What a request needs: to read, to operate (day-to-day traffic steering) or to administer. */
export type Permission = 'read' | 'operate' | 'administer';

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
const needs: Record<Permission, number> = { read: 0, operate: 1, administer: 2 };

export function roleAllows(role: Role, permission: Permission): boolean {
  return rank[role] >= needs[permission];
}

/** The fields of a real-server edit an operator may send: its weight, nothing else. */
const operatorFields = new Set(['weight']);

/**
 * The permission an API request needs (`path` below /api/v1). Reads need `read`; weights, quiesce,
 * unquiesce, drain and zeroing counters need `operate`; everything else (services, real servers'
 * other settings, restore, clear, sysctls, daemons, timeouts, undo) needs `administer`. The named tokens
 * (share links) need `administer` even to be listed: who may look at this agent is an admin's business.
 */
export function permissionFor(method: string, path: string, body: unknown): Permission {
  if (path === '/tokens' || path.startsWith('/tokens/')) return 'administer';
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (method === 'POST' && /^\/services\/[^/]+\/destinations\/[^/]+\/(quiesce|unquiesce|drain)$/.test(path))
    return 'operate';
  // Cancelling a drain puts the server back, as an unquiesce does.
  if (method === 'DELETE' && /^\/services\/[^/]+\/destinations\/[^/]+\/drain$/.test(path)) return 'operate';
  if (method === 'POST' && (path === '/zero' || /^\/services\/[^/]+\/zero$/.test(path))) return 'operate';
  if (method === 'PATCH' && /^\/services\/[^/]+\/destinations\/[^/]+$/.test(path)) {
    const fields = body !== null && typeof body === 'object' ? Object.keys(body) : [];
    if (fields.length > 0 && fields.every((field) => operatorFields.has(field))) return 'operate';
  }
  return 'administer';
}

/** The service a request is about (its :sid, decoded), or null for table-wide requests. */
export function serviceOfPath(path: string): string | null {
  const match = /^\/services\/([^/]+)/.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return null;
  }
}

/**
 * Why a request is refused, as data (the web app says it in the user's language): the role is too low
 * (`needs` the role that may), or the token is limited to other services (`service` null: a table-wide
 * change).
 */
export type Refusal =
  | { kind: 'role'; needs: 'operator' | 'admin' }
  | { kind: 'scope'; service: string | null; services: string[] };

/** What keeps `caller` from making this request, or null when it may. */
export function refusalOf(caller: Caller, method: string, path: string, body: unknown): Refusal | null {
  const permission = permissionFor(method, path, body);
  if (!roleAllows(caller.role, permission))
    return { kind: 'role', needs: permission === 'operate' ? 'operator' : 'admin' };
  if (permission === 'read' || caller.services === null) return null;
  const service = serviceOfPath(path);
  if (service !== null && caller.services.includes(service)) return null;
  return { kind: 'scope', service, services: caller.services };
}

/** Why `caller` may not make this request (the sentence of the agent's 403), or null when it may. */
export function refusalFor(caller: Caller, method: string, path: string, body: unknown): string | null {
  const refusal = refusalOf(caller, method, path, body);
  if (refusal === null) return null;
  if (refusal.kind === 'role') {
    const may = caller.role === 'viewer' ? 'may only read' : 'may change weights, quiesce, drain and zero';
    return `The token "${caller.name}" (${caller.role}) ${may}; this request needs an ${refusal.needs} token.`;
  }
  const limit = `The token "${caller.name}" is limited to ${refusal.services.join(', ')}`;
  if (refusal.service === null)
    return `${limit}; changes to the whole table need a token without that limit.`;
  return `${limit}; ${refusal.service} is not one of them.`;
}
