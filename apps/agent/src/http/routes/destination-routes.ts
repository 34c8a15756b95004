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

export function inputOf(d: Destination): DestinationInput {
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

export function keysOf(request: Request): { key: ServiceKey; dest: DestinationKey } {
  const params = request.params as Record<string, string>;
  return { key: parseServiceId(params.sid ?? ''), dest: parseDestinationId(params.did ?? '') };
}

export async function findDestination(
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

  return router;
}
