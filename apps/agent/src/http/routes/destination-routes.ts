import { Router, type Request } from 'express';
import {
  AppError,
  checkDestinationForService,
  checkDestinationSettings,
  destinationId,
  destinationInputSchema,
  destinationSettingsPatchSchema,
  parseDestinationId,
  parseOrThrow,
  parseServiceId,
  sameDestinationKey,
  serviceId,
  type Destination,
  type DestinationInput,
  type DestinationKey,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import { QuiesceStore } from '../../state/index.js';
import { mutate, type AgentContext } from '../agent-context.js';

/** Weight a real server gets back on unquiesce when nothing was remembered: ipvsadm's default (-w 1). */
const defaultWeight = 1;

function inputOf(d: Destination): DestinationInput {
  const {
    address,
    port,
    forwarding,
    weight,
    upperThreshold,
    lowerThreshold,
    tunnelType,
    tunnelPort,
    tunnelChecksum,
  } = d;
  return {
    address,
    port,
    forwarding,
    weight,
    upperThreshold,
    lowerThreshold,
    tunnelType,
    tunnelPort,
    tunnelChecksum,
  };
}

function keysOf(request: Request): { key: ServiceKey; dest: DestinationKey } {
  const params = request.params as Record<string, string>;
  return { key: parseServiceId(params.sid ?? ''), dest: parseDestinationId(params.did ?? '') };
}

async function findDestination(
  context: AgentContext,
  key: ServiceKey,
  dest: DestinationKey,
): Promise<Destination> {
  const found = (await context.backend.listDestinations(key)).find((d) => sameDestinationKey(d, dest));
  if (!found) throw new AppError('DESTINATION_NOT_FOUND');
  return found;
}

export function destinationRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend } = context;

  router.post('/services/:sid/destinations', async (request, response) => {
    const key = parseServiceId(request.params.sid);
    const input = parseOrThrow(destinationInputSchema, request.body);
    checkDestinationForService(key, input);
    await mutate(context, request, response, () => backend.addDestination(key, input));
    response.status(201).json(await findDestination(context, key, input));
  });

  router.patch('/services/:sid/destinations/:did', async (request, response) => {
    const { key, dest } = keysOf(request);
    const patch = parseOrThrow(destinationSettingsPatchSchema, request.body);
    await mutate(context, request, response, async () => {
      const merged: DestinationInput = { ...inputOf(await findDestination(context, key, dest)), ...patch };
      checkDestinationSettings(merged);
      checkDestinationForService(key, merged);
      await backend.editDestination(key, merged);
    });
    response.json(await findDestination(context, key, dest));
  });

  router.delete('/services/:sid/destinations/:did', async (request, response) => {
    const { key, dest } = keysOf(request);
    await mutate(context, request, response, () => backend.deleteDestination(key, dest));
    await context.quiesce.forget(QuiesceStore.key(serviceId(key), destinationId(dest)));
    response.status(204).end();
  });

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
