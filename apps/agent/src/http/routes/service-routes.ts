import { Router } from 'express';
import {
  AppError,
  checkServiceSettings,
  withUsedNetmask,
  parseOrThrow,
  parseServiceId,
  sameServiceKey,
  sameServiceSettings,
  serviceId,
  serviceInputSchema,
  serviceSettingsPatchSchema,
  type ServiceKey,
  type ServiceSettings,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { theService } from '../../changes/index.js';
import { generationTag, runChange, type AgentContext } from '../agent-context.js';

/** The service's row as the backend has it, without holds and health (SERVICE_NOT_FOUND when absent). */
export async function findServiceRow(
  context: AgentContext,
  key: ServiceKey,
): Promise<ServiceWithDestinations> {
  const table = await context.backend.snapshot();
  const service = table.find((s) => sameServiceKey(s.key, key));
  if (!service) throw new AppError('SERVICE_NOT_FOUND');
  return service;
}

export async function findService(context: AgentContext, key: ServiceKey): Promise<ServiceWithDestinations> {
  return context.status.decorateTable([await findServiceRow(context, key)])[0]!;
}

export function settingsOf(s: ServiceSettings): ServiceSettings {
  const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = s;
  return { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket };
}

export function serviceRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend } = context;

  router.get('/services', async (_request, response) => {
    const reading = await context.monitor.refresh();
    response.setHeader('ETag', generationTag(reading.generation));
    response.json(context.status.decorateTable(reading.table));
  });

  router.post('/services', async (request, response) => {
    const input = parseOrThrow(serviceInputSchema, request.body);
    await runChange(context, request, response, {
      action: 'add-service',
      scope: [input],
      plan: () => [{ kind: 'add-service', service: input }],
      summary: () => `Added service ${serviceId(input)} (${input.scheduler})`,
    });
    response.status(201).json(await backend.getService(input));
  });

  router.get('/services/:sid', async (request, response) => {
    response.json(await findService(context, parseServiceId(request.params.sid)));
  });

  router.patch('/services/:sid', async (request, response) => {
    const key = parseServiceId(request.params.sid);
    const patch = parseOrThrow(serviceSettingsPatchSchema, request.body);
    await runChange(context, request, response, {
      action: 'edit-service',
      scope: [key],
      plan(before) {
        const current = theService(before);
        const given: ServiceSettings = { ...settingsOf(current), ...patch };
        checkServiceSettings(key, given);
        // Only a request about persistence resets an unused mask; other edits leave the row as it is.
        const aboutPersistence = patch.persistence !== undefined || patch.netmask !== undefined;
        const merged = aboutPersistence ? withUsedNetmask(key, given) : given;
        if (sameServiceSettings(current, { ...current, ...merged })) return [];
        return [{ kind: 'edit-service', service: { ...key, ...merged } }];
      },
      summary: () => `Edited service ${serviceId(key)}: ${Object.keys(patch).join(', ')}`,
    });
    response.json(await backend.getService(key));
  });

  router.delete('/services/:sid', async (request, response) => {
    const key = parseServiceId(request.params.sid);
    await runChange(context, request, response, {
      action: 'delete-service',
      scope: [key],
      plan(before) {
        theService(before);
        return [{ kind: 'delete-service', service: key }];
      },
      summary: (before) =>
        `Deleted service ${serviceId(key)} with its ${before[0]?.destinations.length ?? 0} real servers`,
    });
    response.status(204).end();
  });

  router.post('/services/:sid/zero', async (request, response) => {
    const key = parseServiceId(request.params.sid);
    await runChange(context, request, response, {
      action: 'zero',
      scope: [key],
      plan(before) {
        theService(before);
        return [{ kind: 'zero', service: key }];
      },
      summary: () => `Zeroed the counters of ${serviceId(key)}`,
    });
    response.status(204).end();
  });

  return router;
}
