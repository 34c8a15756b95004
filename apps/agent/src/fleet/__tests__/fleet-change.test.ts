import { describe, expect, it } from 'vitest';
import { fleetChangeAnswerSchema, type RestorePlan } from '@ipvs-dashboard/shared';
import {
  runFleetChange,
  type ApplyStep,
  type FleetChangeClient,
  type FleetChangeJob,
  type LookupStep,
  type PlanStep,
  type UndoStep,
} from '../fleet-change.js';

const plan: RestorePlan = {
  added: [],
  changed: ['-e -t 10.0.0.1:80 -r 10.0.1.1:80 -g -w 5'],
  removed: [],
  details: [],
};

interface Script {
  plan?: Record<string, PlanStep>;
  apply?: Record<string, ApplyStep>;
  undo?: Record<string, UndoStep>;
  lookup?: Record<string, LookupStep>;
}

/** A scripted set of directors that records every call, in order. */
function directors(script: Script) {
  const calls: string[] = [];
  const client: FleetChangeClient = {
    plan(name) {
      calls.push(`plan ${name}`);
      return Promise.resolve(script.plan?.[name] ?? { ok: true, plan, etag: `W/"${name}"` });
    },
    apply(name, _change, id, ifMatch) {
      calls.push(`apply ${name} ${id}${ifMatch === undefined ? '' : ` if-match ${ifMatch}`}`);
      return Promise.resolve(
        script.apply?.[name] ?? {
          ok: true,
          changeId: `${name}-change`,
          plan: { ...plan, changeId: `${name}-change` },
        },
      );
    },
    undo(name, changeId, id) {
      calls.push(`undo ${name} ${changeId} ${id}`);
      return Promise.resolve(script.undo?.[name] ?? { ok: true, changeId: `${name}-undo` });
    },
    lookup(name, id) {
      calls.push(`lookup ${name} ${id}`);
      return Promise.resolve(script.lookup?.[name] ?? { ok: true, changeId: null });
    },
  };
  return { client, calls };
}

const job = (overrides: Partial<FleetChangeJob> = {}): FleetChangeJob => ({
  id: 'fleet-1',
  directors: ['lb1', 'lb2', 'lb3'],
  change: { text: '-e -t 10.0.0.1:80 -r 10.0.1.1:80 -g -w 5\n' },
  dryRun: false,
  ...overrides,
});

const states = (answer: Awaited<ReturnType<typeof runFleetChange>>) =>
  Object.fromEntries(answer.directors.map((d) => [d.name, d.state]));

describe('runFleetChange', () => {
  it('applies on every director in the order given, each tagged with the one fleet change id', async () => {
    const { client, calls } = directors({});
    const answer = await runFleetChange(client, job());
    expect(fleetChangeAnswerSchema.parse(answer)).toEqual(answer);
    expect(answer.outcome).toBe('applied');
    expect(states(answer)).toEqual({ lb1: 'applied', lb2: 'applied', lb3: 'applied' });
    expect(answer.directors.map((d) => d.changeId)).toEqual(['lb1-change', 'lb2-change', 'lb3-change']);
    expect(calls).toEqual([
      'plan lb1',
      'plan lb2',
      'plan lb3',
      'apply lb1 fleet-1',
      'apply lb2 fleet-1',
      'apply lb3 fleet-1',
    ]);
  });

  it('a dry run plans on every director and applies nowhere', async () => {
    const { client, calls } = directors({});
    const answer = await runFleetChange(client, job({ dryRun: true }));
    expect(answer.outcome).toBe('planned');
    expect(answer.dryRun).toBe(true);
    expect(states(answer)).toEqual({ lb1: 'planned', lb2: 'planned', lb3: 'planned' });
    expect(answer.directors.every((d) => d.plan !== null)).toBe(true);
    expect(calls.filter((call) => !call.startsWith('plan'))).toEqual([]);
  });

  it("a plan with problems on one director applies nothing anywhere and lists that director's problems", async () => {
    const problems = [
      'line 1: scheduler "foo" is not available on this kernel',
      'line 2: no such real server',
    ];
    const { client, calls } = directors({ plan: { lb2: { ok: false, problems } } });
    const answer = await runFleetChange(client, job());
    expect(answer.outcome).toBe('refused');
    expect(states(answer)).toEqual({ lb1: 'not-tried', lb2: 'refused', lb3: 'not-tried' });
    expect(answer.directors[1]?.problems).toEqual(problems);
    expect(answer.directors[0]?.plan).toEqual(plan);
    expect(answer.summary).toMatch(/Nothing applied: the plan was refused on lb2/);
    expect(calls.some((call) => call.startsWith('apply'))).toBe(false);
  });

  it('when the second director refuses, the first is rolled back by its own undo of exactly its change', async () => {
    const { client, calls } = directors({
      apply: { lb2: { ok: false, reason: 'The table changed since you read it. Reload and try again.' } },
    });
    const answer = await runFleetChange(client, job({ ifMatch: { lb2: 'W/"41"' } }));
    expect(answer.outcome).toBe('rolled-back');
    expect(states(answer)).toEqual({ lb1: 'rolled-back', lb2: 'refused', lb3: 'not-tried' });
    expect(answer.directors[0]).toMatchObject({ changeId: 'lb1-change', undoChangeId: 'lb1-undo' });
    expect(answer.directors[1]?.reason).toMatch(/table changed/);
    expect(calls.slice(3)).toEqual([
      'apply lb1 fleet-1',
      'apply lb2 fleet-1 if-match W/"41"',
      'undo lb1 lb1-change fleet-1',
    ]);
    expect(answer.summary).toBe('Refused on lb2; rolled back on lb1; every director is as it was.');
  });

  it('rolls back newest first when the third director cannot be reached', async () => {
    const { client, calls } = directors({
      apply: {
        lb3: {
          ok: false,
          reason: 'connection refused at http://127.0.0.1:9: is its agent running and listening there?',
        },
      },
    });
    const answer = await runFleetChange(client, job());
    expect(states(answer)).toEqual({ lb1: 'rolled-back', lb2: 'rolled-back', lb3: 'refused' });
    expect(calls.slice(-2)).toEqual(['undo lb2 lb2-change fleet-1', 'undo lb1 lb1-change fleet-1']);
    expect(answer.directors[2]?.todo).toBeNull();
  });

  const unanswered: ApplyStep = {
    ok: false,
    reason: 'http://lb2:8080 did not answer within 60000 ms',
    unanswered: true,
  };

  it('a director that took the apply and never answered is looked up: recorded there counts as applied', async () => {
    const { client, calls } = directors({
      apply: { lb2: unanswered },
      lookup: { lb2: { ok: true, changeId: 'lb2-found' } },
    });
    const answer = await runFleetChange(client, job());
    expect(fleetChangeAnswerSchema.parse(answer)).toEqual(answer);
    expect(answer.outcome).toBe('applied');
    expect(states(answer)).toEqual({ lb1: 'applied', lb2: 'applied', lb3: 'applied' });
    expect(answer.directors[1]).toMatchObject({
      changeId: 'lb2-found',
      plan: { ...plan, changeId: 'lb2-found' },
    });
    expect(answer.directors[1]?.reason).toMatch(
      /did not answer.*records lb2-found under fleet-1, so it applied/,
    );
    expect(calls.slice(3)).toEqual([
      'apply lb1 fleet-1',
      'apply lb2 fleet-1',
      'lookup lb2 fleet-1',
      'apply lb3 fleet-1',
    ]);
  });

  it('a looked-up apply is rolled back by its own undo like the others when a later director refuses', async () => {
    const { client, calls } = directors({
      apply: { lb2: unanswered, lb3: { ok: false, reason: 'lb3 refused' } },
      lookup: { lb2: { ok: true, changeId: 'lb2-found' } },
    });
    const answer = await runFleetChange(client, job());
    expect(answer.outcome).toBe('rolled-back');
    expect(states(answer)).toEqual({ lb1: 'rolled-back', lb2: 'rolled-back', lb3: 'refused' });
    expect(calls.slice(-2)).toEqual(['undo lb2 lb2-found fleet-1', 'undo lb1 lb1-change fleet-1']);
  });

  it('an unanswered apply its director has no record of did not apply: refused, the others rolled back', async () => {
    const { client, calls } = directors({ apply: { lb2: unanswered } });
    const answer = await runFleetChange(client, job());
    expect(answer.outcome).toBe('rolled-back');
    expect(states(answer)).toEqual({ lb1: 'rolled-back', lb2: 'refused', lb3: 'not-tried' });
    expect(answer.directors[1]?.reason).toMatch(/has no change under fleet-1, so it did not apply/);
    expect(answer.directors[1]?.todo).toMatch(/GET \/api\/v1\/changes\?fleetChange=fleet-1 on lb2/);
    expect(calls.slice(-2)).toEqual(['lookup lb2 fleet-1', 'undo lb1 lb1-change fleet-1']);
  });

  it('an unanswered apply on a director that cannot be asked since is unknown, never claimed rolled back', async () => {
    const { client, calls } = directors({
      apply: { lb2: unanswered },
      lookup: { lb2: { ok: false, reason: 'connection refused at http://lb2:8080' } },
    });
    const answer = await runFleetChange(client, job());
    expect(fleetChangeAnswerSchema.parse(answer)).toEqual(answer);
    expect(answer.outcome).toBe('unknown');
    expect(states(answer)).toEqual({ lb1: 'rolled-back', lb2: 'unknown', lb3: 'not-tried' });
    const lb2 = answer.directors[1];
    expect(lb2?.reason).toMatch(/did not answer.*asked since whether it applied: connection refused/);
    expect(lb2?.todo).toMatch(/^Unknown: lb2 applied it or not, this could not be confirmed/);
    expect(lb2?.todo).toMatch(/GET \/api\/v1\/changes\?fleetChange=fleet-1 there/);
    expect(lb2?.undoChangeId).toBeNull();
    expect(calls.some((call) => call.startsWith('undo lb2'))).toBe(false);
    expect(answer.summary).toBe(
      'lb2 took the change and never answered, and could not be asked since; rolled back on lb1. Whether lb2 applied the change could not be confirmed: see its "todo".',
    );
    expect(answer.summary).not.toMatch(/as it was/);
  });

  it('an unknown director and a failed rollback: rollback-failed, naming both', async () => {
    const { client } = directors({
      apply: { lb3: unanswered },
      lookup: { lb3: { ok: false, reason: 'no route to http://lb3:8080' } },
      undo: { lb1: { ok: false, reason: 'would overwrite' } },
    });
    const answer = await runFleetChange(client, job());
    expect(answer.outcome).toBe('rollback-failed');
    expect(states(answer)).toEqual({ lb1: 'rollback-failed', lb2: 'rolled-back', lb3: 'unknown' });
    expect(answer.summary).toMatch(/^lb3 took the change and never answered.*the rollback failed on lb1/);
  });

  it('a quiesce goes to every director as a hold change; its apply keeps the dry run plan with the change id', async () => {
    const seen: unknown[] = [];
    const { client } = directors({
      apply: { lb1: { ok: true, changeId: 'lb1-quiesce', plan: null } },
    });
    const recording: typeof client = {
      ...client,
      plan: (name, change) => (seen.push(change), client.plan(name, change)),
    };
    const quiesce = { kind: 'quiesce', service: 'tcp:10.0.0.1:80', server: '10.0.1.1:80' } as const;
    const answer = await runFleetChange(recording, job({ directors: ['lb1'], change: quiesce }));
    expect(seen).toEqual([quiesce]);
    expect(answer.directors[0]).toMatchObject({
      state: 'applied',
      plan: { ...plan, changeId: 'lb1-quiesce' },
    });
  });

  it('a rollback that fails says so, why, and what to do; the others are still rolled back', async () => {
    const { client } = directors({
      apply: { lb3: { ok: false, reason: 'lb3 refused' } },
      undo: { lb2: { ok: false, reason: 'Undoing lb2-change would overwrite what changed since: ...' } },
    });
    const answer = await runFleetChange(client, job());
    expect(answer.outcome).toBe('rollback-failed');
    expect(states(answer)).toEqual({ lb1: 'rolled-back', lb2: 'rollback-failed', lb3: 'refused' });
    const lb2 = answer.directors[1];
    expect(lb2?.reason).toMatch(/would overwrite/);
    expect(lb2?.todo).toMatch(/POST \/api\/v1\/changes\/lb2-change\/revert/);
    expect(answer.summary).toMatch(/the rollback failed on lb2/);
  });

  it('a director where the change was a no-op needs no undo', async () => {
    const { client, calls } = directors({
      apply: { lb1: { ok: true, changeId: null, plan }, lb2: { ok: false, reason: 'refused' } },
    });
    const answer = await runFleetChange(client, job({ directors: ['lb1', 'lb2'] }));
    expect(states(answer)).toEqual({ lb1: 'rolled-back', lb2: 'refused' });
    expect(calls.some((call) => call.startsWith('undo'))).toBe(false);
  });
});
