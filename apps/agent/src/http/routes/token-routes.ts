import { Router } from 'express';
import {
  AppError,
  loginPathOf,
  parseOrThrow,
  shareLinkRequestSchema,
  type ShareLinkAnswer,
} from '@ipvs-dashboard/shared';
import type { AccessPolicy } from '../access-guard.js';
import { requestCaller } from '../request-guards.js';

/**
 * Share links (docs/api.md "Share links"): GET /tokens lists the named tokens, POST /tokens makes a viewer
 * token for a wall screen, DELETE /tokens/:name revokes any named token, ending its browser sessions at
 * once. Admin only (shared access-roles.ts). Tokens are not table changes: no change record, but a log line
 * naming who did it, as `token add|revoke` on the command line leaves its own trace in the shell.
 */
export function tokenRoutes(policy: AccessPolicy, log: (message: string) => void): Router {
  const router = Router();

  router.get('/tokens', (_request, response) => {
    response.json(policy.callers.list());
  });

  router.post('/tokens', async (request, response) => {
    const { name } = parseOrThrow(shareLinkRequestSchema, request.body);
    const token = await policy.callers.add(name, 'viewer', null);
    const created = policy.callers.list().find((summary) => summary.name === name);
    if (!created) throw new AppError('INTERNAL', `The token "${name}" was written but cannot be read back.`);
    log(`token: ${requestCaller(request).name} made the read-only share link "${name}" (viewer)`);
    const answer: ShareLinkAnswer = { ...created, token, loginPath: loginPathOf(token) };
    response.status(201).json(answer);
  });

  router.delete('/tokens/:name', async (request, response) => {
    const name = request.params.name;
    if (!(await policy.callers.revoke(name))) {
      const names = policy.callers.list().map((summary) => summary.name);
      throw new AppError(
        'NOT_FOUND',
        `No named token "${name}"; the named tokens are ${names.join(', ') || '(none)'}.`,
      );
    }
    log(`token: ${requestCaller(request).name} revoked "${name}"; its requests and browser sessions end now`);
    response.status(204).end();
  });

  return router;
}
