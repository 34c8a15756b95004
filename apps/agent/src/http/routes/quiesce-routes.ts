import { Router } from 'express';
import { parseOrThrow, weightInputSchema } from '@ipvs-dashboard/shared';
import { z } from 'zod';
import { refuseWhileDraining } from '../../drain/index.js';
import { placeHold, releaseHold } from '../../holds/index.js';
import { actorOf, announce, ifMatchOf, type AgentContext } from '../agent-context.js';
import { findDestination, keysOf } from './destination-routes.js';

const unquiesceBodySchema = z.strictObject({ weight: weightInputSchema.optional() });

/**
 * Quiesce = the operator's hold (shared holds.ts): weight 0, the scheduler sends no new connections,
 * existing ones drain. The previous weight is kept in the state dir so unquiesce restores it, even after
 * an agent restart; the memory follows the table (hold-memory.ts). Unquiesce releases only the operator's
 * hold: while the health check still holds the server it answers 409 HELD_BY_HEALTH, and while a drain runs
 * 409 HELD_BY_DRAIN (drain-refusal.ts); either way nothing changes.
 */
export function quiesceRoutes(context: AgentContext): Router {
  const router = Router();

  router.get('/quiesced', (_request, response) => {
    response.json(context.holds.list());
  });

  router.post('/services/:sid/destinations/:did/quiesce', async (request, response) => {
    const { key, dest } = keysOf(request);
    const actor = actorOf(request);
    const reason = actor.type === 'api' ? `quiesced by ${actor.name}` : 'quiesced';
    const result = await placeHold(
      context,
      { key, dest, actor, action: 'quiesce', ifMatch: ifMatchOf(request) },
      { kind: 'operator', since: Date.now(), reason },
    );
    announce(response, result.generation, result.record);
    response.json(await findDestination(context, key, dest));
  });

  router.post('/services/:sid/destinations/:did/unquiesce', async (request, response) => {
    const { key, dest } = keysOf(request);
    const { weight } = parseOrThrow(unquiesceBodySchema, request.body ?? {});
    refuseWhileDraining(context.drains, key, dest, 'unquiesce');
    const result = await releaseHold(context, {
      key,
      dest,
      kind: 'operator',
      actor: actorOf(request),
      action: 'unquiesce',
      ifMatch: ifMatchOf(request),
      ...(weight === undefined ? {} : { weight }),
    });
    announce(response, result.generation, result.record);
    response.json(await findDestination(context, key, dest));
  });

  return router;
}
