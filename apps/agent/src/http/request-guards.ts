import type { RequestHandler } from 'express';
import { AppError } from '@ipvs-dashboard/shared';
import { checkHost, checkOrigin, isAuthenticated, type AccessPolicy } from './access-guard.js';

export function hostGuard(policy: AccessPolicy): RequestHandler {
  return (request, _response, next) => next(checkHost(policy, request.headers.host) ?? undefined);
}

export function authGuard(policy: AccessPolicy): RequestHandler {
  return (request, _response, next) =>
    next(isAuthenticated(policy, request) ? undefined : new AppError('UNAUTHORIZED'));
}

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site defence for mutations: a browser form can only send urlencoded, multipart or text/plain bodies
 * without a preflight, so POST/PUT/PATCH must say JSON (text/plain only for /config, which also needs
 * auth that a cross-site page does not have), and a present Origin must be this host.
 */
export function mutationGuard(): RequestHandler {
  return (request, _response, next) => {
    if (!mutatingMethods.has(request.method)) return next();
    const originError = checkOrigin(request.headers.origin, request.headers.host);
    if (originError) return next(originError);
    if (request.method === 'DELETE') return next();
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const wanted = request.path === '/config' && request.method === 'PUT' ? 'text/plain' : 'application/json';
    if (type === wanted) return next();
    next(
      new AppError('VALIDATION_FAILED', `Send Content-Type: ${wanted} (got "${type || 'none'}").`, {
        field: 'content-type',
      }),
    );
  };
}
