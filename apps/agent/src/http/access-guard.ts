import { isIP } from 'node:net';
import { hostname } from 'node:os';
import type { IncomingMessage } from 'node:http';
import { AppError, type Caller } from '@ipvs-dashboard/shared';
import type { CallerDirectory } from '../state/index.js';
import type { SessionStore } from './session-store.js';

export const sessionCookieName = 'ipvs_dashboard_session';

export interface AccessPolicy {
  /** The startup token (admin) and the named tokens of the state dir. */
  callers: CallerDirectory;
  sessions: SessionStore;
  /** Host names (no port) this agent answers to, lower case. */
  allowedHosts: ReadonlySet<string>;
  /** When listening on all interfaces we cannot list our names; IP literals are then accepted too. */
  acceptIpLiterals: boolean;
}

/** Names a browser may use for us: the listen host, loopback names, this machine's hostname, and `extra`. */
export function allowedHostsFor(listenHost: string, extra: readonly string[] = []): Set<string> {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]', hostname().toLowerCase(), ...extra]);
  hosts.add(isIP(listenHost) === 6 ? `[${listenHost.toLowerCase()}]` : listenHost.toLowerCase());
  return hosts;
}

function hostWithoutPort(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

/** DNS rebinding defence: a page on evil.example resolving to 127.0.0.1 still sends Host: evil.example. */
export function checkHost(policy: AccessPolicy, hostHeader: string | undefined): AppError | null {
  if (!hostHeader) return new AppError('FORBIDDEN', 'Missing Host header.');
  const host = hostWithoutPort(hostHeader);
  if (policy.allowedHosts.has(host)) return null;
  const bare = host.replace(/^\[|\]$/g, '');
  if (policy.acceptIpLiterals && isIP(bare) !== 0) return null;
  return new AppError('FORBIDDEN', `Host "${host}" is not a name of this agent (DNS rebinding protection).`);
}

/** Browsers send Origin on cross-site requests and WebSocket upgrades; it must be this very host. */
export function checkOrigin(origin: string | undefined, hostHeader: string | undefined): AppError | null {
  if (origin === undefined) return null;
  try {
    if (hostHeader && new URL(origin).host.toLowerCase() === hostHeader.toLowerCase()) return null;
  } catch {
    // an unparsable Origin is refused below
  }
  return new AppError('FORBIDDEN', `Origin "${origin}" may not use this agent.`);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Who sent the request: `Authorization: Bearer <token>` or a session cookie from the login URL; null: nobody. */
export function callerOf(policy: AccessPolicy, request: IncomingMessage): Caller | null {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return policy.callers.byToken(authorization.slice(7).trim());
  const session = cookieValue(request.headers.cookie, sessionCookieName);
  const hash = session === undefined ? null : policy.sessions.tokenHashOf(session);
  return hash === null ? null : policy.callers.byHash(hash);
}

/** Everything the WebSocket upgrade must pass: Host, Origin, then sign-in. */
export function checkUpgrade(policy: AccessPolicy, request: IncomingMessage): AppError | null {
  return (
    checkHost(policy, request.headers.host) ??
    checkOrigin(request.headers.origin, request.headers.host) ??
    (callerOf(policy, request) ? null : new AppError('UNAUTHORIZED'))
  );
}
