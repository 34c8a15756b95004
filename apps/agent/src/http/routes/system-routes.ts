import { Router } from 'express';
import { clearRequestSchema, parseOrThrow, timeoutsSchema, type InfoResponse } from '@ipvs-dashboard/shared';
import { mutate, type AgentContext } from '../agent-context.js';

/** /info and table-wide operations: zero, clear, timeouts. */
export function systemRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend } = context;

  router.get('/info', async (_request, response) => {
    const [info, schedulers] = await Promise.all([backend.info(), backend.schedulers()]);
    response.json({
      backend: backend.kind,
      backendReason: context.backendReason,
      version: info.version,
      connTableSize: info.connTableSize,
      schedulers,
      intervalMs: context.intervalMs,
    } satisfies InfoResponse);
  });

  router.post('/zero', async (request, response) => {
    await mutate(context, request, response, () => backend.zero());
    response.status(204).end();
  });

  router.post('/clear', async (request, response) => {
    parseOrThrow(clearRequestSchema, request.body);
    await mutate(context, request, response, () => backend.clear());
    await context.quiesce.forgetService();
    response.status(204).end();
  });

  router.get('/timeouts', async (_request, response) => {
    response.json(await backend.getTimeouts());
  });

  router.put('/timeouts', async (request, response) => {
    const timeouts = parseOrThrow(timeoutsSchema, request.body);
    await backend.setTimeouts(timeouts);
    response.json(await backend.getTimeouts());
  });

  return router;
}
