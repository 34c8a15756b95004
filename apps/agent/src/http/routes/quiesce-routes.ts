import { Router, type Request } from 'express';
import { parseOrThrow, weightInputSchema } from '@ipvs-dashboard/shared';
import { z } from 'zod';
import { actorOf, announce, fleetChangeOf, ifMatchOf, type AgentContext } from '../agent-context.js';
import { isDryRun } from './config-routes.js';
import { findDestination, keysOf } from './destination-routes.js';
import { planQuiesce, planUnquiesce, quiesce, unquiesce, type QuiesceCall } from './quiesce-actions.js';

const unquiesceBodySchema = z.strictObject({ weight: weightInputSchema.optional() });

function callOf(request: Request): QuiesceCall {
  return {
    ...keysOf(request),
    actor: actorOf(request),
    ifMatch: ifMatchOf(request),
    fleetChange: fleetChangeOf(request),
  };
}

/**
 * Quiesce = the operator's hold (shared holds.ts): weight 0, the scheduler sends no new connections,
 * existing ones drain. The previous weight is kept in the state dir so unquiesce restores it, even after
 * an agent restart; the memory follows the table (hold-memory.ts). Unquiesce releases only the operator's
 * hold: while the health check still holds the server it answers 409 HELD_BY_HEALTH, and while a drain runs
 * 409 HELD_BY_DRAIN (drain-refusal.ts); either way nothing changes. `?dryRun=1` answers the plan (as POST
 * /config?dryRun=1 does, ETag included) and refuses what the change would refuse, changing nothing: a
 * fleet quiesce's plan on each director.
 */
export function quiesceRoutes(context: AgentContext): Router {
  const router = Router();

  router.get('/quiesced', (_request, response) => {
    response.json(context.holds.list());
  });

  router.post('/services/:sid/destinations/:did/quiesce', async (request, response) => {
    const call = callOf(request);
    if (isDryRun(request.query.dryRun)) {
      const plan = await planQuiesce(context, call);
      announce(response, context.monitor.currentGeneration, null);
      response.json(plan);
      return;
    }
    const result = await quiesce(context, call);
    announce(response, result.generation, result.record);
    response.json(await findDestination(context, call.key, call.dest));
  });

  router.post('/services/:sid/destinations/:did/unquiesce', async (request, response) => {
    const call = callOf(request);
    const { weight } = parseOrThrow(unquiesceBodySchema, request.body ?? {});
    if (isDryRun(request.query.dryRun)) {
      const plan = await planUnquiesce(context, { ...call, weight });
      announce(response, context.monitor.currentGeneration, null);
      response.json(plan);
      return;
    }
    const result = await unquiesce(context, { ...call, weight });
    announce(response, result.generation, result.record);
    response.json(await findDestination(context, call.key, call.dest));
  });

  return router;
}
