// The coordinator of a fleet change (docs/api.md "Fleet changes"): plan on every chosen director at once,
// stop when any plan has problems (or for a dry run), else apply director by director and, when one
// refuses or cannot be reached, undo on each director already changed exactly the change it recorded.
// A director that took the apply and never answered is asked whether it recorded the change (its change
// log, by fleet change id): recorded counts as applied, not recorded as refused, and no answer at all is
// `unknown`, which stops the change like a refusal but never claims that director is as it was.
// Pure over a FleetChangeClient (the agents, through HTTP or this agent's own pipeline), so every outcome
// is unit-tested without a network.
import type {
  FleetChangeAnswer,
  FleetChangeBody,
  FleetChangeOutcome,
  FleetDirectorResult,
  RestorePlan,
} from '@ipvs-dashboard/shared';

export type PlanStep =
  { ok: true; plan: RestorePlan; etag: string | null } | { ok: false; problems: string[] };
export type ApplyStep =
  /** `plan`: what it changed, when its answer says (null: its dry run's plan stands). */
  | { ok: true; changeId: string | null; plan: RestorePlan | null }
  /** `unanswered`: the request went out and no answer came back, so it may have applied. */
  | { ok: false; reason: string; unanswered?: boolean };
export type UndoStep = { ok: true; changeId: string | null } | { ok: false; reason: string };
/** `changeId`: the change it recorded under the fleet change id, null when it recorded none. */
export type LookupStep = { ok: true; changeId: string | null } | { ok: false; reason: string };

/** One director's agent as the coordinator uses it. Implementations never throw: they say why. */
export interface FleetChangeClient {
  /** Its own dry run of the change. */
  plan(director: string, change: FleetChangeBody): Promise<PlanStep>;
  /** The change through its pipeline, tagged with the fleet change id; `ifMatch`: the ETag it must still have. */
  apply(director: string, change: FleetChangeBody, fleetChange: string, ifMatch?: string): Promise<ApplyStep>;
  /** Its own undo (POST /changes/<id>/revert) of the change it recorded. */
  undo(director: string, changeId: string, fleetChange: string): Promise<UndoStep>;
  /** Whether it recorded a change under the fleet change id (GET /changes?fleetChange=<id>), undos aside. */
  lookup(director: string, fleetChange: string): Promise<LookupStep>;
}

export interface FleetChangeJob {
  id: string;
  directors: readonly string[];
  change: FleetChangeBody;
  ifMatch?: Readonly<Record<string, string>>;
  dryRun: boolean;
}

function fresh(name: string): FleetDirectorResult {
  return {
    name,
    state: 'not-tried',
    plan: null,
    etag: null,
    problems: [],
    changeId: null,
    undoChangeId: null,
    reason: null,
    todo: null,
  };
}

const list = (names: readonly string[]) => (names.length === 0 ? 'none' : names.join(', '));
const named = (results: readonly FleetDirectorResult[], state: FleetDirectorResult['state']) =>
  results.filter((result) => result.state === state).map((result) => result.name);

/** Where the apply stopped: the refusal, or the director whose answer never came. */
function stopped(directors: readonly FleetDirectorResult[]): string {
  const unknown = named(directors, 'unknown');
  const refused = named(directors, 'refused');
  if (unknown.length === 0) return `Refused on ${list(refused)}`;
  return `${list(unknown)} took the change and never answered, and could not be asked since`;
}

function answerOf(job: FleetChangeJob, outcome: FleetChangeOutcome, directors: FleetDirectorResult[]) {
  const summaries: Record<FleetChangeOutcome, () => string> = {
    planned: () => `Planned on ${list(job.directors)}; nothing applied (dry run).`,
    refused: () =>
      `Nothing applied: the plan was refused on ${list(named(directors, 'refused'))}. Fix the change (each director's problems are listed) and plan again.`,
    applied: () => `Applied on ${list(job.directors)}.`,
    'rolled-back': () =>
      `Refused on ${list(named(directors, 'refused'))}; rolled back on ${list(named(directors, 'rolled-back'))}; every director is as it was.`,
    'rollback-failed': () =>
      `${stopped(directors)}; the rollback failed on ${list(named(directors, 'rollback-failed'))}, which keep the change: see each one's "todo".`,
    unknown: () =>
      `${stopped(directors)}; rolled back on ${list(named(directors, 'rolled-back'))}. Whether ${list(named(directors, 'unknown'))} applied the change could not be confirmed: see its "todo".`,
  };
  const answer: FleetChangeAnswer = {
    id: job.id,
    dryRun: job.dryRun,
    outcome,
    summary: summaries[outcome](),
    directors,
  };
  return answer;
}

function undoAdvice(name: string, changeId: string, id: string): string {
  return `${name} keeps the change: undo it there with POST /api/v1/changes/${changeId}/revert (its Activity page, Undo), adding {"force":true} only if what changed since may be overwritten; GET /api/v1/changes?fleetChange=${id} on ${name} lists what this fleet change did there.`;
}

/** Undoes, newest first, every director the change was applied on; says how each ended. */
async function rollBack(client: FleetChangeClient, job: FleetChangeJob, applied: FleetDirectorResult[]) {
  for (const result of [...applied].reverse()) {
    if (result.changeId === null) {
      // The table already was as asked: nothing was changed there, so nothing needs undoing.
      result.state = 'rolled-back';
      continue;
    }
    const undo = await client.undo(result.name, result.changeId, job.id);
    if (undo.ok) {
      result.state = 'rolled-back';
      result.undoChangeId = undo.changeId;
    } else {
      result.state = 'rollback-failed';
      result.reason = undo.reason;
      result.todo = undoAdvice(result.name, result.changeId, job.id);
    }
  }
}

function unknownAdvice(name: string, id: string): string {
  return `Unknown: ${name} applied it or not, this could not be confirmed. When ${name} can be reached, GET /api/v1/changes?fleetChange=${id} there: a change listed was applied; undo it there (POST /api/v1/changes/<id>/revert, its Activity page, Undo) so it matches the directors rolled back. Nothing listed: it did not apply.`;
}

type Settled =
  | { kind: 'applied'; changeId: string | null; plan: RestorePlan | null; note: string | null }
  | { kind: 'refused'; reason: string; todo: string | null }
  | { kind: 'unknown'; reason: string };

/**
 * One director's apply, settled: an unanswered one is looked up in its change log. A director that does
 * not answer the lookup either may or may not have applied: `unknown`.
 */
async function applyOn(client: FleetChangeClient, job: FleetChangeJob, name: string): Promise<Settled> {
  const step = await client.apply(name, job.change, job.id, job.ifMatch?.[name]);
  if (step.ok) return { kind: 'applied', changeId: step.changeId, plan: step.plan, note: null };
  if (!step.unanswered) return { kind: 'refused', reason: step.reason, todo: null };
  const found = await client.lookup(name, job.id);
  if (!found.ok) {
    return { kind: 'unknown', reason: `${step.reason}; asked since whether it applied: ${found.reason}` };
  }
  if (found.changeId !== null) {
    const note = `${step.reason}; its change log records ${found.changeId} under ${job.id}, so it applied.`;
    return { kind: 'applied', changeId: found.changeId, plan: null, note };
  }
  return {
    kind: 'refused',
    reason: `${step.reason}; its change log has no change under ${job.id}, so it did not apply.`,
    // A change still queued there when asked would be recorded later: say where it would show.
    todo: `GET /api/v1/changes?fleetChange=${job.id} on ${name} lists it if it applied after all; undo it there.`,
  };
}

export async function runFleetChange(
  client: FleetChangeClient,
  job: FleetChangeJob,
): Promise<FleetChangeAnswer> {
  const results = job.directors.map(fresh);
  // Plans change nothing, so every director plans at once: one slow director costs its own time only.
  const plans = await Promise.all(job.directors.map((name) => client.plan(name, job.change)));
  plans.forEach((plan, index) => {
    const result = results[index] as FleetDirectorResult;
    if (plan.ok) {
      result.plan = plan.plan;
      result.etag = plan.etag;
      result.state = job.dryRun ? 'planned' : 'not-tried';
    } else {
      result.state = 'refused';
      result.problems = plan.problems;
      result.reason = plan.problems.join(' ');
    }
  });
  if (results.some((result) => result.state === 'refused')) return answerOf(job, 'refused', results);
  if (job.dryRun) return answerOf(job, 'planned', results);

  const applied: FleetDirectorResult[] = [];
  for (const result of results) {
    const settled = await applyOn(client, job, result.name);
    if (settled.kind === 'applied') {
      result.state = 'applied';
      result.changeId = settled.changeId;
      if (settled.plan) result.plan = settled.plan;
      if (result.plan && settled.changeId !== null)
        result.plan = { ...result.plan, changeId: settled.changeId };
      result.reason = settled.note;
      applied.push(result);
      continue;
    }
    result.reason = settled.reason;
    if (settled.kind === 'refused') {
      result.state = 'refused';
      result.todo = settled.todo;
    } else {
      result.state = 'unknown';
      result.todo = unknownAdvice(result.name, job.id);
    }
    await rollBack(client, job, applied);
    if (applied.some((done) => done.state === 'rollback-failed'))
      return answerOf(job, 'rollback-failed', results);
    return answerOf(job, settled.kind === 'unknown' ? 'unknown' : 'rolled-back', results);
  }
  return answerOf(job, 'applied', results);
}
