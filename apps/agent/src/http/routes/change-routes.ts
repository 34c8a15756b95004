import { Router } from 'express';
import { AppError, changesQuerySchema, parseOrThrow, revertRequestSchema } from '@ipvs-dashboard/shared';
import { finishInterrupted, revertChange, type UndoDeps } from '../../changes/index.js';
import { actorOf, announce, fleetChangeOf, type AgentContext } from '../agent-context.js';

/** The change log (GET /changes), undo (revert) and crash recovery (rollback, resume). docs/api.md "Changes". */
export function changeRoutes(context: AgentContext): Router {
  const router = Router();
  const deps: UndoDeps = {
    backend: context.backend,
    pipeline: context.pipeline,
    journal: context.journal,
    log: context.changes,
    holds: context.holds,
  };

  router.get('/changes', (request, response) => {
    response.json(context.changes.list(parseOrThrow(changesQuerySchema, request.query)));
  });

  router.get('/changes/:id', (request, response) => {
    const record = context.changes.get(request.params.id);
    if (!record) throw new AppError('NOT_FOUND', `No change ${request.params.id} in the change log.`);
    response.json(record);
  });

  router.post('/changes/:id/revert', async (request, response) => {
    const { force } = parseOrThrow(revertRequestSchema, request.body ?? {});
    const record = await revertChange(
      deps,
      request.params.id,
      force === true,
      actorOf(request),
      fleetChangeOf(request),
    );
    announce(response, record?.generation ?? context.monitor.currentGeneration, record);
    if (record) response.status(201).json(record);
    else response.status(204).end();
  });

  for (const way of ['rollback', 'resume'] as const) {
    router.post(`/changes/:id/${way}`, async (request, response) => {
      const result = await finishInterrupted(deps, request.params.id, way, actorOf(request));
      announce(response, result.generation, result.record);
      response.status(201).json(result.record);
    });
  }

  return router;
}
