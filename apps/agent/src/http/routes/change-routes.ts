import { Router } from 'express';
import { AppError, changesQuerySchema, parseOrThrow, revertRequestSchema } from '@ipvs-dashboard/shared';
import { resumeInterrupted, revertChange, rollBackInterrupted, type UndoDeps } from '../../changes/index.js';
import { actorOf, announce, type AgentContext } from '../agent-context.js';

/** The change log (GET /changes), undo (revert) and crash recovery (rollback, resume). docs/api.md "Changes". */
export function changeRoutes(context: AgentContext): Router {
  const router = Router();
  const deps: UndoDeps = {
    backend: context.backend,
    pipeline: context.pipeline,
    journal: context.journal,
    log: context.changes,
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
    const record = await revertChange(deps, request.params.id, force === true, actorOf(request));
    announce(response, record?.generation ?? context.monitor.currentGeneration, record);
    if (record) response.status(201).json(record);
    else response.status(204).end();
  });

  for (const [path, recover] of [
    ['rollback', rollBackInterrupted],
    ['resume', resumeInterrupted],
  ] as const) {
    router.post(`/changes/:id/${path}`, async (request, response) => {
      const result = await recover(deps, request.params.id, actorOf(request));
      announce(response, result.generation, result.record);
      response.status(201).json(result.record);
    });
  }

  return router;
}
