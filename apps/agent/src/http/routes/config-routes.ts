import { Router, type Request, type Response } from 'express';
import {
  AppError,
  formatCheckLines,
  formatPolicyLines,
  prefersMinimal,
  type RestorePlan,
  type RestoreSummary,
} from '@ipvs-dashboard/shared';
import type { CheckStore, PolicyStore } from '../../state/index.js';
import {
  actorOf,
  announce,
  answerSent,
  fleetChangeOf,
  ifMatchOf,
  type AgentContext,
} from '../agent-context.js';
import { restoreChange } from '../restore/restore-change.js';
import { arrivalOf, ServerTiming } from '../server-timing.js';

/** `?dryRun=1`: plan and validate, apply nothing (the /config and drain routes). */
export function isDryRun(value: unknown): boolean {
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '' || value === '1' || value === 'true') return true;
  throw new AppError('VALIDATION_FAILED', 'dryRun: must be 1 or 0', { field: 'dryRun' });
}

function confirmsReplaceAll(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === 'replace-all') return true;
  throw new AppError('VALIDATION_FAILED', 'confirm: the only value is replace-all', { field: 'confirm' });
}

function restoreText(request: Request): string {
  const text: unknown = request.body;
  if (typeof text !== 'string') {
    throw new AppError('VALIDATION_FAILED', 'Send the restore text as text/plain.', { field: 'body' });
  }
  return text;
}

/**
 * The export: the ipvsadm text, then the checks and the service policies as `#` lines ipvsadm-restore
 * skips (shared check-lines.ts, policy/policy-lines.ts).
 */
function withCompanionLines(text: string, checks: CheckStore, policies: PolicyStore): string {
  const lines = [formatCheckLines(checks.assignments()), formatPolicyLines(policies.assignments())]
    .filter((part) => part !== '')
    .join('\n');
  return lines === '' ? text : `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${lines}\n`;
}

/**
 * GET /config: the table as `ipvsadm -Sn` text. PUT /config replaces the table with the text's; POST /config
 * merges the text's lines into it as `ipvsadm -R` does. Both plan, validate every line against the kernel's
 * capabilities, and apply through the change pipeline (traffic-safe order, journal, rollback, change log).
 */
export function configRoutes(context: AgentContext): Router {
  const router = Router();
  const { backend, configText } = context;

  router.get('/config', async (_request, response) => {
    response
      .type('text/plain')
      .send(
        withCompanionLines(configText.format(await backend.snapshot()), context.checks, context.policies),
      );
  });

  const restore = (mode: 'replace' | 'merge') => async (request: Request, response: Response) => {
    const timing = new ServerTiming();
    timing.since('receive', arrivalOf(response));
    const dryRun = isDryRun(request.query.dryRun);
    const confirmed = confirmsReplaceAll(request.query.confirm);
    const {
      change,
      answer: finish,
      checks,
      policies,
    } = restoreChange(configText, {
      mode,
      text: restoreText(request),
      actor: actorOf(request),
      confirmed,
      timer: timing,
    });
    // The answer's JSON is made before the header so that Server-Timing can include it.
    const answer = (plan: RestorePlan | RestoreSummary) => {
      const body = timing.measure('answer', () => JSON.stringify(plan));
      response.setHeader('Server-Timing', timing.header());
      response.type('application/json').send(body);
    };
    const minimal = !dryRun && prefersMinimal(request.get('prefer'));
    response.vary('Prefer');
    if (dryRun) {
      await context.pipeline.plan(change);
      // The generation the plan was made against: If-Match it to apply only onto that table.
      announce(response, context.monitor.currentGeneration, null);
      answer(finish());
      return;
    }
    const result = await context.pipeline.run({
      ...change,
      ifMatch: ifMatchOf(request),
      fleetChange: fleetChangeOf(request),
      answered: answerSent(response),
    });
    // The checks it names are set once their rows exist; checks it does not name are kept.
    for (const { service, destination, check } of checks)
      await context.checks.set(service, destination, check);
    for (const { service, policy } of policies) await context.policies.set(service, policy);
    if (policies.length > 0) context.sorry.schedule();
    announce(response, result.generation, result.record);
    const plan = finish(result.record?.id);
    if (!minimal) return answer(plan);
    response.setHeader('Preference-Applied', 'return=minimal');
    const { added, changed, removed, changeId } = plan;
    answer({
      added: added.length,
      changed: changed.length,
      removed: removed.length,
      ...(changeId === undefined ? {} : { changeId }),
    });
  };

  router.put('/config', restore('replace'));
  router.post('/config', restore('merge'));

  return router;
}
