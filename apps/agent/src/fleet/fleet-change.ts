// The coordinator of a fleet change (docs/api.md "Fleet changes"): plan on every chosen director at once,
// stop when any plan has problems (or for a dry run), else apply director by director and, when one
// refuses or cannot be reached, undo on each director already changed exactly the change it recorded.
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
  | { ok: true; changeId: string | null; plan: RestorePlan }
  /** `unanswered`: the request went out and no answer came back, so it may have applied. */
  | { ok: false; reason: string; unanswered?: boolean };
export type UndoStep = { ok: true; changeId: string | null } | { ok: false; reason: string };

/** One director's agent as the coordinator uses it. Implementations never throw: they say why. */
export interface FleetChangeClient {
  /** Its own dry run of the change. */
  plan(director: string, change: FleetChangeBody): Promise<PlanStep>;
  /** The change through its pipeline, tagged with the fleet change id; `ifMatch`: the ETag it must still have. */
  apply(director: string, change: FleetChangeBody, fleetChange: string, ifMatch?: string): Promise<ApplyStep>;
  /** Its own undo (POST /changes/<id>/revert) of the change it recorded. */
  undo(director: string, changeId: string, fleetChange: string): Promise<UndoStep>;
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

function answerOf(job: FleetChangeJob, outcome: FleetChangeOutcome, directors: FleetDirectorResult[]) {
  const summaries: Record<FleetChangeOutcome, () => string> = {
    planned: () => `Planned on ${list(job.directors)}; nothing applied (dry run).`,
    refused: () =>
      `Nothing applied: the plan was refused on ${list(named(directors, 'refused'))}. Fix the change (each director's problems are listed) and plan again.`,
    applied: () => `Applied on ${list(job.directors)}.`,
    'rolled-back': () =>
      `Refused on ${list(named(directors, 'refused'))}; rolled back on ${list(named(directors, 'rolled-back'))}; every director is as it was.`,
    'rollback-failed': () =>
      `Refused on ${list(named(directors, 'refused'))}; the rollback failed on ${list(named(directors, 'rollback-failed'))}, which keep the change: see each one's "todo".`,
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
    const step = await client.apply(result.name, job.change, job.id, job.ifMatch?.[result.name]);
    if (step.ok) {
      result.state = 'applied';
      result.changeId = step.changeId;
      result.plan = step.plan;
      applied.push(result);
      continue;
    }
    result.state = 'refused';
    result.reason = step.reason;
    if (step.unanswered) {
      result.todo = `${result.name} did not answer, so it may have applied the change: GET /api/v1/changes?fleetChange=${job.id} on ${result.name} says; undo what it lists there.`;
    }
    await rollBack(client, job, applied);
    const failed = applied.some((done) => done.state === 'rollback-failed');
    return answerOf(job, failed ? 'rollback-failed' : 'rolled-back', results);
  }
  return answerOf(job, 'applied', results);
}
