import { Router } from 'express';
import {
  AppError,
  checkKernelSettingValue,
  kernelSettingWriteSchema,
  parseOrThrow,
  syncDaemonInputSchema,
} from '@ipvs-dashboard/shared';
import { changeKernelSetting, startDaemon, stopDaemon } from '../../changes/index.js';
import { actorOf, announce, type AgentContext } from '../agent-context.js';

/** What lives beside the table: sync daemons and the /proc/sys/net/ipv4/vs settings. */
export function settingsRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend } = context;

  router.get('/daemons', async (_request, response) => {
    response.json(await backend.listDaemons());
  });

  router.post('/daemons', async (request, response) => {
    const input = parseOrThrow(syncDaemonInputSchema, request.body);
    announce(response, null, await startDaemon(backend, context.pipeline, actorOf(request), input));
    response.status(201).json(await backend.listDaemons());
  });

  router.delete('/daemons/:state', async (request, response) => {
    const state = request.params.state;
    if (state !== 'master' && state !== 'backup') {
      throw new AppError('VALIDATION_FAILED', 'state: must be master or backup', { field: 'state' });
    }
    announce(response, null, await stopDaemon(backend, context.pipeline, actorOf(request), state));
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
    const change = { name: setting.name, before: setting.value, value };
    announce(response, null, await changeKernelSetting(backend, context.pipeline, actorOf(request), change));
    const updated = (await backend.kernelSettings()).find((s) => s.name === setting.name);
    response.json(updated ?? { ...setting, value });
  });

  return router;
}
