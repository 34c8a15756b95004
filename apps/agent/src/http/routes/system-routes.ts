import { Router } from 'express';
import {
  AppError,
  checkKernelSettingValue,
  clearRequestSchema,
  kernelSettingWriteSchema,
  parseOrThrow,
  syncDaemonInputSchema,
  timeoutsSchema,
  type InfoResponse,
} from '@ipvs-dashboard/shared';
import { mutate, type AgentContext } from '../agent-context.js';

/** Table-wide operations and the settings around the table: zero, clear, timeouts, daemons, sysctls. */
export function systemRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend } = context;

  router.get('/info', async (_request, response) => {
    const [info, schedulers] = await Promise.all([backend.info(), backend.schedulers()]);
    response.json({
      backend: backend.kind,
      backendReason: context.backendReason,
      version: info.version,
      connTableSize: info.connTableSize,
      schedulers,
      intervalMs: context.intervalMs,
    } satisfies InfoResponse);
  });

  router.post('/zero', async (request, response) => {
    await mutate(context, request, response, () => backend.zero());
    response.status(204).end();
  });

  router.post('/clear', async (request, response) => {
    parseOrThrow(clearRequestSchema, request.body);
    await mutate(context, request, response, () => backend.clear());
    response.status(204).end();
  });

  router.get('/timeouts', async (_request, response) => {
    response.json(await backend.getTimeouts());
  });

  router.put('/timeouts', async (request, response) => {
    const timeouts = parseOrThrow(timeoutsSchema, request.body);
    await backend.setTimeouts(timeouts);
    response.json(await backend.getTimeouts());
  });

  router.get('/daemons', async (_request, response) => {
    response.json(await backend.listDaemons());
  });

  router.post('/daemons', async (request, response) => {
    await backend.startDaemon(parseOrThrow(syncDaemonInputSchema, request.body));
    response.status(201).json(await backend.listDaemons());
  });

  router.delete('/daemons/:state', async (request, response) => {
    const state = request.params.state;
    if (state !== 'master' && state !== 'backup') {
      throw new AppError('VALIDATION_FAILED', 'state: must be master or backup', { field: 'state' });
    }
    await backend.stopDaemon(state);
    response.status(204).end();
  });

  router.get('/kernel-settings', async (_request, response) => {
    response.json(await backend.kernelSettings());
  });

  router.put('/kernel-settings/:name', async (request, response) => {
    const { value } = parseOrThrow(kernelSettingWriteSchema, request.body);
    const settings = await backend.kernelSettings();
    const setting = settings.find((s) => s.name === request.params.name);
    if (!setting) {
      throw new AppError(
        'NOT_FOUND',
        `No kernel setting "${request.params.name}". GET /kernel-settings lists them.`,
      );
    }
    checkKernelSettingValue(setting, value);
    await backend.setKernelSetting(setting.name, value);
    const updated = (await backend.kernelSettings()).find((s) => s.name === setting.name);
    response.json(updated ?? { ...setting, value });
  });

  return router;
}
