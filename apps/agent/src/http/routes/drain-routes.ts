import { Router } from 'express';
import {
  AppError,
  drainCommands,
  drainRequestSchema,
  drainWarning,
  EXPIRE_QUIESCENT_TEMPLATE,
  parseOrThrow,
  sameDestinationKey,
  type DrainStartAnswer,
} from '@ipvs-dashboard/shared';
import { savableDestination } from '../../changes/index.js';
import { drainKey } from '../../drain/index.js';
import { actorOf, ifMatchOf, type AgentContext } from '../agent-context.js';
import { isDryRun } from './config-routes.js';
import { keysOf } from './destination-routes.js';
import { findService } from './service-routes.js';

/** The sysctl the persistence warning depends on; unreadable counts as the kernel's default, 0. */
async function expireQuiescentTemplate(context: AgentContext): Promise<number | undefined> {
  const settings = await context.backend.kernelSettings().catch(() => []);
  return settings.find((s) => s.name === EXPIRE_QUIESCENT_TEMPLATE)?.value;
}

/**
 * Drain to completion (docs/api.md "Drain"): POST starts one (weight 0 through the drain hold, its
 * connections and templates followed until none is left or the deadline passes, then remove or keep out),
 * GET follows it, DELETE cancels it (the weight comes back unless another hold remains). `?dryRun=1` answers
 * the warning and the commands and changes nothing.
 */
export function drainRoutes(context: AgentContext): Router {
  const router = Router();
  const path = '/services/:sid/destinations/:did/drain';

  router.post(path, async (request, response) => {
    const body = parseOrThrow(drainRequestSchema, request.body);
    const dryRun = isDryRun(request.query.dryRun);
    const { key, dest } = keysOf(request);
    const service = await findService(context, key);
    const current = service.destinations.find((d) => sameDestinationKey(d, dest));
    if (!current) throw new AppError('DESTINATION_NOT_FOUND');
    if (context.drains.isRunning(drainKey(key, dest))) throw new AppError('DRAIN_RUNNING');
    const warning = drainWarning(service.persistence, await expireQuiescentTemplate(context));
    const commands = drainCommands(key, savableDestination(current), body.then === 'remove');
    if (dryRun) {
      response.json({ drain: null, warning, commands } satisfies DrainStartAnswer);
      return;
    }
    const drain = await context.drains.start(key, current, body, actorOf(request), ifMatchOf(request));
    response.status(201).json({ drain, warning, commands } satisfies DrainStartAnswer);
  });

  router.get(path, async (request, response) => {
    const { key, dest } = keysOf(request);
    const progress = context.drains.progressOf(drainKey(key, dest));
    if (!progress) {
      const service = await findService(context, key);
      if (!service.destinations.some((d) => sameDestinationKey(d, dest)))
        throw new AppError('DESTINATION_NOT_FOUND');
      throw new AppError('DRAIN_NOT_RUNNING');
    }
    response.json(progress);
  });

  router.delete(path, async (request, response) => {
    const { key, dest } = keysOf(request);
    await context.drains.cancel(drainKey(key, dest), actorOf(request));
    response.status(204).end();
  });

  return router;
}
