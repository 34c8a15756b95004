import { Router } from 'express';
import {
  AppError,
  checkServiceSettings,
  parseOrThrow,
  parseServiceId,
  sameServiceKey,
  serviceId,
  serviceInputSchema,
  serviceSettingsPatchSchema,
  type ServiceKey,
  type ServiceSettings,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { generationTag, mutate, type AgentContext } from '../agent-context.js';

export async function findService(context: AgentContext, key: ServiceKey): Promise<ServiceWithDestinations> {
  const table = await context.backend.snapshot();
  const service = table.find((s) => sameServiceKey(s.key, key));
  if (!service) throw new AppError('SERVICE_NOT_FOUND');
  return service;
}

export function settingsOf(s: ServiceSettings): ServiceSettings {
  const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = s;
  return { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket };
}

export function serviceRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend } = context;

  router.get('/services', async (_request, response) => {
    const reading = await context.monitor.refresh('external');
    response.setHeader('ETag', generationTag(reading.generation));
    response.json(reading.table);
  });

  router.post('/services', async (request, response) => {
    const input = parseOrThrow(serviceInputSchema, request.body);
    await mutate(context, request, response, () => backend.addService(input));
    response.status(201).json(await backend.getService(input));
  });

  router.get('/services/:sid', async (request, response) => {
    response.json(await findService(context, parseServiceId(request.params.sid)));
  });

  router.patch('/services/:sid', async (request, response) => {
    const key = parseServiceId(request.params.sid);
    const patch = parseOrThrow(serviceSettingsPatchSchema, request.body);
    await mutate(context, request, response, async () => {
      const current = await backend.getService(key);
      const merged: ServiceSettings = { ...settingsOf(current), ...patch };
      checkServiceSettings(key, merged);
      await backend.editService(key, merged);
    });
    response.json(await backend.getService(key));
  });

  router.delete('/services/:sid', async (request, response) => {
    const key = parseServiceId(request.params.sid);
    await mutate(context, request, response, () => backend.deleteService(key));
    await context.quiesce.forgetService(serviceId(key));
    response.status(204).end();
  });

  router.post('/services/:sid/zero', async (request, response) => {
    const key = parseServiceId(request.params.sid);
    await mutate(context, request, response, async () => {
      await backend.getService(key);
      await backend.zero(key);
    });
    response.status(204).end();
  });

  return router;
}
