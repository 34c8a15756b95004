import { Router } from 'express';
import { AppError, destinationId, parseOrThrow, serviceId, weightInputSchema } from '@ipvs-dashboard/shared';
import { z } from 'zod';
import { QuiesceStore } from '../../state/index.js';
import { runChange, type AgentContext } from '../agent-context.js';
import { findDestination, inputOf, keysOf, realServerLabel, theDestination } from './destination-routes.js';

const unquiesceBodySchema = z.strictObject({ weight: weightInputSchema.optional() });

/**
 * Quiesce = weight 0: the scheduler sends no new connections, existing ones drain. The previous weight is
 * kept in the state dir so unquiesce restores it, even after an agent restart; the memory follows the
 * table (quiesce-memory.ts): it goes when the real server goes or gets a weight by another path.
 */
export function quiesceRoutes(context: AgentContext): Router {
  const router = Router();

  router.get('/quiesced', (_request, response) => {
    response.json(context.quiesce.list());
  });

  router.post('/services/:sid/destinations/:did/quiesce', async (request, response) => {
    const { key, dest } = keysOf(request);
    const memoryKey = QuiesceStore.key(serviceId(key), destinationId(dest));
    let weight = 0;
    await runChange(context, request, response, {
      action: 'quiesce',
      scope: [key],
      async plan(before) {
        const current = theDestination(before, dest);
        if (current.weight === 0) return []; // already quiesced: keep the weight remembered earlier
        weight = current.weight;
        // Remember first: if the agent dies between the two steps, the weight is still known.
        await context.quiesce.remember(memoryKey, current.weight);
        return [{ kind: 'edit-destination', service: key, destination: { ...inputOf(current), weight: 0 } }];
      },
      summary: () => `Quiesced ${realServerLabel(key, dest)} (weight ${weight} -> 0)`,
    });
    response.json(await findDestination(context, key, dest));
  });

  router.post('/services/:sid/destinations/:did/unquiesce', async (request, response) => {
    const { key, dest } = keysOf(request);
    const { weight: asked } = parseOrThrow(unquiesceBodySchema, request.body ?? {});
    const memoryKey = QuiesceStore.key(serviceId(key), destinationId(dest));
    let weight = 0;
    await runChange(context, request, response, {
      action: 'unquiesce',
      scope: [key],
      plan(before) {
        const current = theDestination(before, dest);
        if (current.weight !== 0) return [];
        const remembered = context.quiesce.get(memoryKey);
        if (asked === undefined && remembered === undefined) {
          throw new AppError(
            'VALIDATION_FAILED',
            `${realServerLabel(key, dest)} has weight 0 but was not quiesced through the agent, so there is no weight to restore. Send {"weight": n}.`,
            { field: 'weight' },
          );
        }
        weight = asked ?? remembered ?? 0;
        return [{ kind: 'edit-destination', service: key, destination: { ...inputOf(current), weight } }];
      },
      summary: () => `Unquiesced ${realServerLabel(key, dest)} (weight 0 -> ${weight})`,
    });
    await context.quiesce.forget(memoryKey);
    response.json(await findDestination(context, key, dest));
  });

  return router;
}
