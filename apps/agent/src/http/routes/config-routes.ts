import { Router } from 'express';
import { AppError, planRestore, type RestorePlan } from '@ipvs-dashboard/shared';
import { mutate, type AgentContext } from '../agent-context.js';
import { applyPlan } from '../restore/apply-plan.js';

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
    if (typeof request.body !== 'string') {
      throw new AppError('VALIDATION_FAILED', 'Send the restore text as text/plain.', { field: 'body' });
    }
    // Every line is parsed and validated before anything is touched.
    const desired = configText.parse(request.body);
    if (dryRun) {
      response.json(planRestore(await backend.snapshot(), desired).plan satisfies RestorePlan);
      return;
    }
    const summary = await mutate(context, request, response, async () => {
      // One snapshot both plans the change and is the table a failed restore rolls back to.
      const current = await backend.snapshot();
      const { commands, plan } = planRestore(current, desired);
      await applyPlan(backend, commands, current);
      return plan;
    });
    response.json(summary satisfies RestorePlan);
  });

  return router;
}
