import { Router } from 'express';
import { destinationId, serviceId } from '@ipvs-dashboard/shared';
import { QuiesceStore } from '../../state/index.js';
import { mutate, type AgentContext } from '../agent-context.js';
import { findDestination, inputOf, keysOf } from './destination-routes.js';

/** Weight a real server gets back on unquiesce when nothing was remembered: ipvsadm's default (-w 1). */
const defaultWeight = 1;

/**
 * Quiesce = weight 0: the scheduler sends no new connections, existing ones drain. The previous weight is
 * kept in the state dir so unquiesce restores it, even after an agent restart.
 */
export function quiesceRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend } = context;

  router.post('/services/:sid/destinations/:did/quiesce', async (request, response) => {
    const { key, dest } = keysOf(request);
    const memoryKey = QuiesceStore.key(serviceId(key), destinationId(dest));
    await mutate(context, request, response, async () => {
      const current = await findDestination(context, key, dest);
      if (current.weight === 0) return; // already quiesced: keep the weight remembered earlier
      // Remember first: if the agent dies between the two steps, the weight is still known.
      await context.quiesce.remember(memoryKey, current.weight);
      await backend.editDestination(key, { ...inputOf(current), weight: 0 });
    });
    response.json(await findDestination(context, key, dest));
  });

  router.post('/services/:sid/destinations/:did/unquiesce', async (request, response) => {
    const { key, dest } = keysOf(request);
    const memoryKey = QuiesceStore.key(serviceId(key), destinationId(dest));
    await mutate(context, request, response, async () => {
      const current = await findDestination(context, key, dest);
      if (current.weight !== 0) return;
      const weight = context.quiesce.get(memoryKey) ?? defaultWeight;
      await backend.editDestination(key, { ...inputOf(current), weight });
      await context.quiesce.forget(memoryKey);
    });
    response.json(await findDestination(context, key, dest));
  });

  return router;
}
