import { performance } from 'node:perf_hooks';
import { Router } from 'express';
import { AppError, planRestore, type RestorePlan } from '@ipvs-dashboard/shared';
import { mutate, type AgentContext } from '../agent-context.js';
import { applyPlan } from '../restore/apply-plan.js';
import { ServerTiming } from '../server-timing.js';

function isDryRun(value: unknown): boolean {
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '' || value === '1' || value === 'true') return true;
  throw new AppError('VALIDATION_FAILED', 'dryRun: must be 1 or 0', { field: 'dryRun' });
}

/** GET/PUT /config: the table as `ipvsadm -Sn` text, and a validated, planned, rolled-back-on-failure restore. */
export function configRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend, configText } = context;

  router.get('/config', async (_request, response) => {
    response.type('text/plain').send(configText.format(await backend.snapshot()));
  });

  router.put('/config', async (request, response) => {
    const dryRun = isDryRun(request.query.dryRun);
    const text: unknown = request.body;
    if (typeof text !== 'string') {
      throw new AppError('VALIDATION_FAILED', 'Send the restore text as text/plain.', { field: 'body' });
    }
    const timing = new ServerTiming();
    // Every line is parsed and validated before anything is touched.
    const desired = timing.measure('parse', () => configText.parse(text));
    if (dryRun) {
      const current = await timing.measureAsync('read', () => backend.snapshot());
      const { plan } = timing.measure('plan', () => planRestore(current, desired));
      response.setHeader('Server-Timing', timing.header());
      response.json(plan satisfies RestorePlan);
      return;
    }
    const asked = performance.now();
    const summary = await mutate(context, request, response, async () => {
      // Waiting for the poller's read in progress (a change never overlaps one).
      timing.since('queue', asked);
      // One snapshot both plans the change and is the table a failed restore rolls back to.
      const current = await timing.measureAsync('read', () => backend.snapshot());
      const { commands, plan } = timing.measure('plan', () => planRestore(current, desired));
      await timing.measureAsync('apply', () => applyPlan(backend, commands, current));
      return plan;
    });
    response.setHeader('Server-Timing', timing.header());
    response.json(summary satisfies RestorePlan);
  });

  return router;
}
