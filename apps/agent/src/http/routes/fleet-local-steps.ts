// This director's own steps of a fleet change, in process: restore lines make the same merge POST /config
// makes (restoreChange), a quiesce/unquiesce the same hold change its quiesce routes make
// (quiesce-actions.ts); dry run, apply and undo through this agent's pipeline, attributed to the caller of
// the fleet change. Every failure becomes the sentence shown for this director, as a peer's would.
import {
  AppError,
  isHoldChange,
  parseDestinationId,
  parseServiceId,
  type ChangeActor,
  type ErrorBody,
  type FleetChangeBody,
  type FleetHoldChange,
  type RestorePlan,
} from '@ipvs-dashboard/shared';
import { revertChange } from '../../changes/index.js';
import {
  problemsOf,
  type ApplyStep,
  type LookupStep,
  type PlanStep,
  type UndoStep,
} from '../../fleet/index.js';
import { generationTag, parseIfMatch, type AgentContext } from '../agent-context.js';
import { restoreChange } from '../restore/restore-change.js';
import { planQuiesce, planUnquiesce, quiesce, unquiesce, type QuiesceCall } from './quiesce-actions.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function expectedOf(ifMatch: string | undefined): number | null {
  if (ifMatch === undefined) return null;
  const expected = parseIfMatch(ifMatch);
  if (expected === null) throw new AppError('VALIDATION_FAILED', `ifMatch "${ifMatch}" is not an ETag.`);
  return expected;
}

function holdCall(change: FleetHoldChange, actor: ChangeActor, ifMatch: number | null, fleetChange?: string) {
  const call: QuiesceCall & { weight?: number } = {
    key: parseServiceId(change.service),
    dest: parseDestinationId(change.server),
    actor,
    ifMatch,
    fleetChange,
  };
  if (change.weight !== undefined) call.weight = change.weight;
  return call;
}

export function localSteps(context: AgentContext, actor: ChangeActor) {
  const merge = (text: string) =>
    restoreChange(context.configText, { mode: 'merge', text, actor, confirmed: false });

  async function dryRun(change: FleetChangeBody): Promise<RestorePlan> {
    if (isHoldChange(change)) {
      const call = holdCall(change, actor, null);
      return change.kind === 'quiesce' ? planQuiesce(context, call) : planUnquiesce(context, call);
    }
    const restore = merge(change.text);
    await context.pipeline.plan(restore.change);
    return restore.answer();
  }

  async function run(change: FleetChangeBody, fleetChange: string, ifMatch: number | null) {
    if (isHoldChange(change)) {
      const call = holdCall(change, actor, ifMatch, fleetChange);
      const result = await (change.kind === 'quiesce' ? quiesce(context, call) : unquiesce(context, call));
      return { changeId: result.record?.id ?? null, plan: null };
    }
    const restore = merge(change.text);
    const result = await context.pipeline.run({ ...restore.change, ifMatch, fleetChange });
    return { changeId: result.record?.id ?? null, plan: restore.answer(result.record?.id) };
  }

  return {
    async plan(change: FleetChangeBody): Promise<PlanStep> {
      try {
        const plan = await dryRun(change);
        return { ok: true, plan, etag: generationTag(context.monitor.currentGeneration) };
      } catch (error) {
        const body: Partial<ErrorBody['error']> | undefined =
          error instanceof AppError ? { message: error.message, details: error.details } : undefined;
        return { ok: false, problems: problemsOf(body, messageOf(error)) };
      }
    },
    async apply(change: FleetChangeBody, fleetChange: string, ifMatch?: string): Promise<ApplyStep> {
      try {
        return { ok: true, ...(await run(change, fleetChange, expectedOf(ifMatch))) };
      } catch (error) {
        return { ok: false, reason: messageOf(error) };
      }
    },
    async undo(changeId: string, fleetChange: string): Promise<UndoStep> {
      try {
        const deps = {
          backend: context.backend,
          pipeline: context.pipeline,
          journal: context.journal,
          log: context.changes,
          holds: context.holds,
        };
        const record = await revertChange(deps, changeId, false, actor, fleetChange);
        return { ok: true, changeId: record?.id ?? null };
      } catch (error) {
        return { ok: false, reason: messageOf(error) };
      }
    },
    /** In process an apply always answers; asked anyway, the change log says. */
    lookup(fleetChange: string): Promise<LookupStep> {
      const { items } = context.changes.list({ fleetChange, limit: 100 });
      const made = items.find((record) => record.action !== 'revert' && record.status === 'applied');
      return Promise.resolve({ ok: true, changeId: made?.id ?? null });
    },
  };
}
