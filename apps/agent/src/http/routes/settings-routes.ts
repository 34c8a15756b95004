import { Router } from 'express';
import {
  AppError,
  checkKernelSettingValue,
  kernelSettingWriteSchema,
  parseOrThrow,
  syncDaemonInputSchema,
} from '@ipvs-dashboard/shared';
import type { AgentContext } from '../agent-context.js';

/** What lives beside the table: sync daemons and the /proc/sys/net/ipv4/vs settings. */
export function settingsRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend } = context;

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
