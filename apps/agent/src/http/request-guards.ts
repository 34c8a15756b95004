import type { Request, RequestHandler } from 'express';
import { AppError, refusalFor, type Caller } from '@ipvs-dashboard/shared';
import { callerOf, checkHost, checkOrigin, type AccessPolicy } from './access-guard.js';

export function hostGuard(policy: AccessPolicy): RequestHandler {
  return (request, _response, next) => next(checkHost(policy, request.headers.host) ?? undefined);
}

const callers = new WeakMap<Request, Caller>();

/** The signed-in caller of a request that passed authGuard. */
export function requestCaller(request: Request): Caller {
  const caller = callers.get(request);
  if (!caller) throw new Error('requestCaller before authGuard');
  return caller;
}

export function authGuard(policy: AccessPolicy): RequestHandler {
  return (request, _response, next) => {
    const caller = callerOf(policy, request);
    if (!caller) return next(new AppError('UNAUTHORIZED'));
    callers.set(request, caller);
    next();
  };
}

/** After the body is parsed: the caller's role (and service limit) must allow this request (403 says why). */
export function roleGuard(): RequestHandler {
  return (request, _response, next) => {
    const refusal = refusalFor(requestCaller(request), request.method, request.path, request.body);
    next(refusal === null ? undefined : new AppError('FORBIDDEN', refusal));
  };
}

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A request that carries no body at all (POST /zero, .../quiesce from fetch without a body): a form always
 * sends a Content-Type, and a cross-site fetch always sends an Origin, so nothing forgeable slips through.
 */
function hasNoBody(request: Request): boolean {
  const { headers } = request;
  return (
    headers['content-type'] === undefined &&
    headers['transfer-encoding'] === undefined &&
    (headers['content-length'] === undefined || headers['content-length'] === '0')
  );
}

/**
 * Cross-site defence for mutations: a browser form can only send urlencoded, multipart or text/plain bodies
 * without a preflight, so POST/PUT/PATCH with a body must say JSON (text/plain only for /config, which also needs
 * auth that a cross-site page does not have), and a present Origin must be this host.
 */
export function mutationGuard(): RequestHandler {
  return (request, _response, next) => {
    if (!mutatingMethods.has(request.method)) return next();
    const originError = checkOrigin(request.headers.origin, request.headers.host);
    if (originError) return next(originError);
    if (request.method === 'DELETE' || hasNoBody(request)) return next();
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const wanted = request.path === '/config' ? 'text/plain' : 'application/json';
    if (type === wanted) return next();
    next(
      new AppError('VALIDATION_FAILED', `Send Content-Type: ${wanted} (got "${type || 'none'}").`, {
        field: 'content-type',
      }),
    );
  };
}
