import { Router, type Request, type Response } from 'express';
import {
  AppError,
  applyRestoreLines,
  checkLineProblem,
  destinationId,
  formatCheckLines,
  formatPolicyLines,
  parseCheckLines,
  parsePolicyLines,
  planRestore,
  serviceId,
  type IpvsadmCommand,
  type RestoreLine,
  prefersMinimal,
  type RestorePlan,
  type RestoreSummary,
  type RestoreSteps,
  type SavableService,
} from '@ipvs-dashboard/shared';
import type { CheckStore, PolicyStore } from '../../state/index.js';
import type { TableChangeRequest } from '../../changes/index.js';
import { actorOf, announce, answerSent, ifMatchOf, type AgentContext } from '../agent-context.js';
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

/** The line of the -A/-E line of each service, to name a scheduler this kernel lacks by its line. */
function serviceLines(lines: readonly RestoreLine[]): (command: IpvsadmCommand) => number | undefined {
  const byService = new Map<string, number>();
  for (const { line, command } of lines) {
    if (command.kind === 'add-service' || command.kind === 'edit-service') {
      byService.set(serviceId(command.service), line);
    }
  }
  return (command) =>
    'service' in command && command.service ? byService.get(serviceId(command.service)) : undefined;
}

/** Emptying a table that has services takes an explicit confirmation (as POST /clear does). */
function refuseUnconfirmedWipe(before: readonly SavableService[], steps: RestoreSteps, confirmed: boolean) {
  if (confirmed || before.length === 0) return;
  const removedServices = steps.commands.filter((c) => c.kind === 'delete-service').length;
  if (removedServices < before.length) return;
  throw new AppError(
    'CONFIRMATION_REQUIRED',
    `This text removes every service (${before.length}): it holds none of the live table's services. Send it again with ?confirm=replace-all if that is meant; to add to the table instead, POST /config (merge, as ipvsadm -R).`,
  );
}

type CheckLine = ReturnType<typeof parseCheckLines>[number];

/** Every check line must name a service (and real server) of the table the text leaves. */
function refuseChecksOutsideTable(checks: readonly CheckLine[], desired: readonly SavableService[]) {
  const rows = new Map(desired.map((s) => [serviceId(s.key), new Set(s.destinations.map(destinationId))]));
  for (const { line, service, destination } of checks) {
    const found = rows.get(service);
    if (!found) throw checkLineProblem(line, `check for ${service}, a service the table will not have`);
    if (destination !== null && !found.has(destination)) {
      throw checkLineProblem(
        line,
        `check for ${destination} in ${service}, a real server the table will not have`,
      );
    }
  }
}

/** Every policy line must name a service of the table the text leaves. */
function refusePoliciesOutsideTable(
  policies: ReturnType<typeof parsePolicyLines>,
  desired: readonly SavableService[],
) {
  const services = new Set(desired.map((s) => serviceId(s.key)));
  for (const { line, service } of policies)
    if (!services.has(service))
      throw checkLineProblem(line, `policy for ${service}, a service the table will not have`);
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

const countOf = (plan: RestorePlan) =>
  `${plan.added.length} added, ${plan.changed.length} changed, ${plan.removed.length} removed`;

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
    // Replace: the text alone is the table (ipvsadm-restore after -C); merge: its lines applied to the live one.
    const { lines, replacement, checks, policies } = timing.measure('parse', () => {
      const text = restoreText(request);
      const parsed = configText.parse(text);
      return {
        lines: parsed,
        replacement: mode === 'replace' ? applyRestoreLines([], parsed) : null,
        checks: parseCheckLines(text),
        policies: parsePolicyLines(text),
      };
    });
    let steps: RestoreSteps | null = null;
    const change: TableChangeRequest = {
      action: mode === 'replace' ? 'restore' : 'merge',
      actor: actorOf(request),
      scope: 'all',
      timer: timing,
      lineOf: serviceLines(lines),
      plan(before) {
        const desired = replacement ?? applyRestoreLines(before, lines);
        steps = planRestore(before, desired);
        refuseUnconfirmedWipe(before, steps, confirmed);
        refuseChecksOutsideTable(checks, desired);
        refusePoliciesOutsideTable(policies, desired);
        return steps.commands;
      },
      summary: () =>
        `${mode === 'replace' ? 'Replaced the table with' : 'Merged'} a restore text: ${steps ? countOf(steps.plan) : ''}`,
    };
    const finish = (changeId?: string): RestorePlan => {
      const plan = steps?.plan ?? { added: [], changed: [], removed: [], details: [] };
      return changeId === undefined ? plan : { ...plan, changeId };
    };
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
      answer(finish());
      return;
    }
    const result = await context.pipeline.run({
      ...change,
      ifMatch: ifMatchOf(request),
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
