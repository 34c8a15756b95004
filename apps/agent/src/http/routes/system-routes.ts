import { Router } from 'express';
import {
  clearRequestSchema,
  parseOrThrow,
  timeoutsSchema,
  type Caller,
  type InfoResponse,
} from '@ipvs-dashboard/shared';
import { changeTimeouts } from '../../changes/index.js';
import { actorOf, announce, runChange, type AgentContext } from '../agent-context.js';
import { requestCaller } from '../request-guards.js';

/** /info and table-wide operations: zero, clear, timeouts. */
export function systemRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend } = context;

  router.get('/info', async (_request, response) => {
    const [info, capabilities, owners] = await Promise.all([
      backend.info(),
      backend.capabilities(),
      context.owners.current(),
    ]);
    response.json({
      backend: backend.kind,
      backendReason: context.backendReason,
      version: info.version,
      connTableSize: info.connTableSize,
      ...capabilities,
      intervalMs: context.intervalMs,
      interruptedChange: context.journal.interruptedChange(),
      owners,
      ...(context.holdsAtStart ? { holdsAtStart: context.holdsAtStart } : {}),
      prometheus: context.longHistory ? { selector: context.longHistory.selectorText } : null,
      ...(context.rampsAtStart?.length ? { rampsAtStart: context.rampsAtStart } : {}),
      fleet: context.fleet
        ? { self: context.fleet.settings.self.name, peers: context.fleet.settings.peers.length }
        : null,
    } satisfies InfoResponse);
  });

  // What another agent's Fleet page shows of this director: counted here, a few hundred bytes (docs/api.md).
  router.get('/summary', async (_request, response) => {
    response.json(await context.director());
  });

  // Who this request is signed in as: the web app disables what the role cannot do.
  router.get('/session', (request, response) => {
    response.json(requestCaller(request) satisfies Caller);
  });

  router.post('/zero', async (request, response) => {
    await runChange(context, request, response, {
      action: 'zero',
      scope: [],
      plan: () => [{ kind: 'zero' }],
      summary: () => 'Zeroed every counter',
    });
    response.status(204).end();
  });

  router.post('/clear', async (request, response) => {
    parseOrThrow(clearRequestSchema, request.body);
    await runChange(context, request, response, {
      action: 'clear',
      scope: 'all',
      plan: (before) => (before.length === 0 ? [] : [{ kind: 'clear' }]),
      summary: (before) => `Cleared the table (${before.length} services)`,
    });
    response.status(204).end();
  });

  router.get('/timeouts', async (_request, response) => {
    response.json(await backend.getTimeouts());
  });

  router.put('/timeouts', async (request, response) => {
    const timeouts = parseOrThrow(timeoutsSchema, request.body);
    const record = await changeTimeouts(backend, context.pipeline, actorOf(request), timeouts);
    announce(response, null, record);
    response.json(await backend.getTimeouts());
  });

  return router;
}
