import type { RequestHandler } from 'express';
import { sessionCookieName, type AccessPolicy } from './access-guard.js';
import { tokenHash } from '../state/index.js';

/**
 * `/?token=...` (the login URL the agent prints, like Jupyter's) becomes an HttpOnly, SameSite=Strict
 * session cookie, then a redirect to `/` so the token leaves the address bar and the history.
 */
export function loginRoute(policy: AccessPolicy, secureCookie: boolean): RequestHandler {
  return (request, response, next) => {
    const token = request.query.token;
    if (request.path !== '/' || token === undefined) return next();
    response.setHeader('Cache-Control', 'no-store');
    if (typeof token !== 'string' || policy.callers.byToken(token) === null) {
      response
        .status(401)
        .type('text/plain')
        .send('That token is not valid. Use the login URL the agent printed when it started.\n');
      return;
    }
    response.cookie(sessionCookieName, policy.sessions.create(tokenHash(token)), {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookie,
      path: '/',
    });
    response.redirect(303, '/');
  };
}
