import { describe, expect, it } from 'vitest';
import {
  changesPageSchema,
  destinationSchema,
  drainProgressSchema,
  drainStartAnswerSchema,
  type Destination,
  type DrainFinished,
  type ErrorBody,
} from '@ipvs-dashboard/shared';
import type { SimulatedBackend } from '../../simulated/index.js';
import { backendWith, server, service, steady, vip } from '../../simulated/__tests__/traffic-helpers.js';
import { webServiceId, type TestAgent } from './test-agent.js';
import { agentsForEachTest, eventually as until } from './web-table.js';

const rs1 = `/services/${webServiceId}/destinations/${encodeURIComponent('10.0.1.1:80')}`;

const { start: startAgent, stop } = agentsForEachTest();

/** Two real servers (weights 7 and 3) with steady traffic, 20 s of it already run: rs1 has connections. */
async function busyAgent(
  options: { persistence?: number; stateDir?: string; backend?: SimulatedBackend } = {},
) {
  const backend =
    options.backend ??
    (await backendWith(
      service({ scheduler: 'wrr', persistence: options.persistence ?? 0 }),
      [server('10.0.1.1', { weight: 7 }), server('10.0.1.2', { weight: 3 })],
      steady(20, { meanDurationSeconds: 5 }),
    ));
  if (!options.backend) backend.tick(20_000);
  const t = await startAgent({ backend, ...(options.stateDir ? { stateDir: options.stateDir } : {}) });
  const finished: DrainFinished[] = [];
  t.agent.drains.onDrainFinished((event) => finished.push(event));
  return { t, backend, finished };
}

async function rs1Now(t: TestAgent): Promise<Destination | null> {
  const response = await t.api(rs1);
  return response.status === 404 ? null : destinationSchema.parse(await response.json());
}

const start = (t: TestAgent, body: unknown, query = '') =>
  t.api(`${rs1}/drain${query}`, { method: 'POST', json: body });

describe('drain-routes', () => {
  it('refuses a bad request naming the field, and an unknown real server, with nothing changed', async () => {
    const { t } = await busyAgent();
    const bad = await start(t, { then: 'delete', deadlineSeconds: 60 });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.field).toBe('then');
    expect(body.error.message).toContain('"remove"');
    const noDeadline = await start(t, { then: 'keep', deadlineSeconds: 0 });
    expect(((await noDeadline.json()) as ErrorBody).error.field).toBe('deadlineSeconds');
    const missing = await t.api(`/services/${webServiceId}/destinations/10.0.9.9%3A80/drain`, {
      method: 'POST',
      json: { then: 'keep', deadlineSeconds: 60 },
    });
    expect(missing.status).toBe(404);
    expect((await t.api(`${rs1}/drain`)).status).toBe(404);
    expect((await t.api(`${rs1}/drain`, { method: 'DELETE' })).status).toBe(404);
    expect((await rs1Now(t))?.weight).toBe(7);
  });

  it('warns in the dry run of a persistent service while expire_quiescent_template is 0, and changes nothing', async () => {
    const { t } = await busyAgent({ persistence: 300 });
    const dry = await start(t, { then: 'remove', deadlineSeconds: 600 }, '?dryRun=1');
    expect(dry.status).toBe(200);
    const answer = drainStartAnswerSchema.parse(await dry.json());
    expect(answer.drain).toBeNull();
    expect(answer.warning?.fix).toBe('sysctl -w net.ipv4.vs.expire_quiescent_template=1');
    expect(answer.commands).toEqual([
      'ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 0',
      'ipvsadm -d -t 10.0.0.1:80 -r 10.0.1.1:80',
    ]);
    expect((await rs1Now(t))?.weight).toBe(7);
    expect((await t.api(`${rs1}/drain`)).status).toBe(404);
    const set = await t.api('/kernel-settings/expire_quiescent_template', {
      method: 'PUT',
      json: { value: 1 },
    });
    expect(set.status).toBe(200);
    const fixed = drainStartAnswerSchema.parse(
      await (await start(t, { then: 'remove', deadlineSeconds: 600 }, '?dryRun=1')).json(),
    );
    expect(fixed.warning).toBeNull();
  });

  it('then remove: weight 0 at once, progress while connections go, then one change removes the server', async () => {
    const { t, backend, finished } = await busyAgent();
    const before = await rs1Now(t);
    const busy = before!.activeConns + before!.inactiveConns;
    expect(busy).toBeGreaterThan(0);
    const started = await start(t, { then: 'remove', deadlineSeconds: 3600 });
    expect(started.status).toBe(201);
    const answer = drainStartAnswerSchema.parse(await started.json());
    expect(answer.warning).toBeNull();
    expect(answer.drain?.atStart.active).toBe(before!.activeConns);
    const out = await rs1Now(t);
    expect(out?.weight).toBe(0);
    expect(out?.holds?.map((h) => h.kind)).toEqual(['drain']);
    expect((await start(t, { then: 'keep', deadlineSeconds: 60 })).status).toBe(409);
    // Simulated time: active connections end within seconds, closed ones leave after TIME_WAIT (2 min).
    backend.tick(10_000);
    const midway = await until(
      'a reading after 10 s',
      async () => drainProgressSchema.parse(await (await t.api(`${rs1}/drain`)).json()),
      (p) => p.now.active === 0,
    );
    expect(midway.left).toBeGreaterThan(0);
    expect(midway.now.inactive).toBeGreaterThan(0);
    expect((await rs1Now(t))?.drain?.left).toBe(midway.left);
    backend.tick(130_000);
    await until(
      'rs1 removed',
      () => rs1Now(t),
      (d) => d === null,
    );
    // The event follows the change's answer: the removal may be read before it is sent.
    await until(
      'the drain ended',
      () => Promise.resolve(finished.length),
      (n) => n === 1,
    );
    expect(finished).toEqual([
      expect.objectContaining({
        service: 'tcp:10.0.0.1:80',
        server: '10.0.1.1:80',
        outcome: 'removed',
        connectionsLeft: 0,
      }),
    ]);
    const log = changesPageSchema.parse(await (await t.api('/changes?limit=3')).json()).items;
    expect(log.map((c) => c.action)).toEqual(['drain-remove', 'drain']);
    expect(log[0]?.commands).toEqual(['ipvsadm -d -t 10.0.0.1:80 -r 10.0.1.1:80']);
    expect(log[0]?.actor).toEqual({ type: 'api', name: 'admin' });
    expect((await t.api(`${rs1}/drain`)).status).toBe(404);
  });

  it('follows persistence templates: returning clients keep a drain alive until expire_quiescent_template is 1', async () => {
    const { t, backend, finished } = await busyAgent({ persistence: 30 });
    const started = drainStartAnswerSchema.parse(
      await (await start(t, { then: 'keep', deadlineSeconds: 3600 })).json(),
    );
    expect(started.warning?.code).toBe('QUIESCENT_TEMPLATES_KEPT');
    expect(started.drain?.atStart.templates).toBeGreaterThan(0);
    // The simulated clients keep coming back (the traffic model; no packet is sent): with the sysctl at 0
    // their templates keep sending them to the server at weight 0 and renew themselves.
    backend.tick(200_000);
    const alive = await until(
      'a reading after 200 s',
      async () => drainProgressSchema.parse(await (await t.api(`${rs1}/drain`)).json()),
      (p) => p.now.templates !== started.drain?.atStart.templates,
    );
    expect(alive.now.templates).toBeGreaterThan(0);
    expect(finished).toEqual([]);
    // With it at 1 a returning client's template to the quiesced server ends (ip_vs_check_template); the
    // rest time out 30 s after their last connection, closed connections after TIME_WAIT.
    const set = await t.api('/kernel-settings/expire_quiescent_template', {
      method: 'PUT',
      json: { value: 1 },
    });
    expect(set.status).toBe(200);
    backend.tick(200_000);
    await until(
      'the drain ended',
      () => Promise.resolve(finished.length),
      (n) => n === 1,
    );
    expect(finished[0]).toMatchObject({ outcome: 'kept', connectionsLeft: 0 });
    const kept = await rs1Now(t);
    expect([kept?.weight, kept?.persistentConns, kept?.holds?.map((h) => h.kind)]).toEqual([
      0,
      0,
      ['operator'],
    ]);
  });

  it('then keep at the deadline: stays out under the operator hold, and an ordinary unquiesce brings it back', async () => {
    const { t, finished } = await busyAgent();
    expect((await start(t, { then: 'keep', deadlineSeconds: 0.3 })).status).toBe(201);
    await until(
      'the deadline',
      () => Promise.resolve(finished.length),
      (n) => n === 1,
    );
    expect(finished[0]).toMatchObject({ outcome: 'deadline', then: 'keep' });
    expect(finished[0]!.connectionsLeft).toBeGreaterThan(0);
    const kept = await rs1Now(t);
    expect(kept?.weight).toBe(0);
    expect(kept?.drain).toBeNull();
    expect(kept?.holds?.map((h) => h.kind)).toEqual(['operator']);
    expect((await t.api(`${rs1}/unquiesce`, { method: 'POST', json: {} })).status).toBe(200);
    expect((await rs1Now(t))?.weight).toBe(7);
  });

  it('cancel puts the remembered weight back, unless another hold remains', async () => {
    const { t, finished } = await busyAgent();
    expect((await start(t, { then: 'remove', deadlineSeconds: 3600 })).status).toBe(201);
    expect((await t.api(`${rs1}/drain`, { method: 'DELETE' })).status).toBe(204);
    expect((await rs1Now(t))?.weight).toBe(7);
    expect(finished.map((f) => f.outcome)).toEqual(['cancelled']);
    const log = changesPageSchema.parse(await (await t.api('/changes?limit=1')).json()).items;
    expect(log[0]?.action).toBe('drain-cancel');

    expect((await t.api(`${rs1}/quiesce`, { method: 'POST', json: {} })).status).toBe(200);
    expect((await start(t, { then: 'remove', deadlineSeconds: 3600 })).status).toBe(201);
    expect((await rs1Now(t))?.holds?.map((h) => h.kind)).toEqual(['operator', 'drain']);
    expect((await t.api(`${rs1}/drain`, { method: 'DELETE' })).status).toBe(204);
    const still = await rs1Now(t);
    expect(still?.weight).toBe(0);
    expect(still?.holds?.map((h) => h.kind)).toEqual(['operator']);
    expect((await t.api(`${rs1}/unquiesce`, { method: 'POST', json: {} })).status).toBe(200);
    expect((await rs1Now(t))?.weight).toBe(7);
  });

  it('refuses an unquiesce or a weight edit while draining (409 HELD_BY_DRAIN, nothing changed); cancel first, then it works', async () => {
    const { t, finished } = await busyAgent();
    expect((await start(t, { then: 'remove', deadlineSeconds: 3600 })).status).toBe(201);
    for (const [path, method, json] of [
      [`${rs1}/unquiesce`, 'POST', {}],
      [`${rs1}/unquiesce`, 'POST', { weight: 5 }],
      [rs1, 'PATCH', { weight: 5 }],
    ] as const) {
      const refused = await t.api(path, { method, json });
      expect(refused.status).toBe(409);
      const { error } = (await refused.json()) as ErrorBody;
      expect(error.code).toBe('HELD_BY_DRAIN');
      expect(error.message).toMatch(
        /^10\.0\.1\.1:80 in tcp:10\.0\.0\.1:80 is being drained \(then remove it/,
      );
      expect(error.message).toContain(`Cancel the drain first: DELETE /api/v1${rs1}/drain.`);
    }
    // Settings other than the weight are not the drain's business.
    expect((await t.api(rs1, { method: 'PATCH', json: { upperThreshold: 50 } })).status).toBe(200);
    const still = await rs1Now(t);
    expect([still?.weight, still?.upperThreshold, still?.holds?.map((h) => h.kind)]).toEqual([
      0,
      50,
      ['drain'],
    ]);
    expect(still?.drain?.then).toBe('remove');
    expect(finished).toEqual([]);
    expect((await t.api(`${rs1}/drain`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.api(rs1, { method: 'PATCH', json: { weight: 5 } })).status).toBe(200);
    expect((await rs1Now(t))?.weight).toBe(5);
  });

  it('undo of a drain-remove brings the server back held out at weight 0; unquiesce gives back its weight before the drain', async () => {
    const { t, finished } = await busyAgent();
    expect((await start(t, { then: 'remove', deadlineSeconds: 0.3 })).status).toBe(201);
    await until(
      'rs1 removed at the deadline',
      () => rs1Now(t),
      (d) => d === null,
    );
    await until(
      'the drain ended',
      () => Promise.resolve(finished.length),
      (n) => n === 1,
    );
    const [removal] = changesPageSchema.parse(await (await t.api('/changes?limit=1')).json()).items;
    expect(removal?.action).toBe('drain-remove');
    expect(removal?.heldOut).toEqual([{ service: 'tcp:10.0.0.1:80', destination: '10.0.1.1:80', weight: 7 }]);
    const undo = await t.api(`/changes/${removal!.id}/revert`, { method: 'POST', json: {} });
    expect(undo.status).toBe(201);
    const undone = (await undo.json()) as { summary: string; commands: string[] };
    expect(undone.commands).toEqual(['ipvsadm -a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 0']);
    expect(undone.summary).toContain('10.0.1.1:80 held out at weight 0, unquiesce gives back weight 7');
    const back = await rs1Now(t);
    expect([back?.weight, back?.holds?.map((h) => h.kind), back?.drain]).toEqual([0, ['operator'], null]);
    expect(back?.holds?.[0]?.reason).toBe(
      `brought back by the undo of ${removal!.id}; unquiesce gives back weight 7`,
    );
    const unquiesced = await t.api(`${rs1}/unquiesce`, { method: 'POST', json: {} });
    expect(unquiesced.status).toBe(200);
    expect(((await unquiesced.json()) as Destination).weight).toBe(7);
  });

  it('survives an agent restart; a drain whose server went meanwhile is finished', async () => {
    const { t, backend } = await busyAgent();
    expect((await start(t, { then: 'remove', deadlineSeconds: 3600 })).status).toBe(201);
    await stop(t);
    const again = await busyAgent({ backend, stateDir: t.stateDir });
    const progress = drainProgressSchema.parse(await (await again.t.api(`${rs1}/drain`)).json());
    expect(progress.then).toBe('remove');
    expect((await rs1Now(again.t))?.weight).toBe(0);
    await stop(again.t);

    await backend.deleteDestination(vip, { address: '10.0.1.1', port: 80 });
    const third = await busyAgent({ backend, stateDir: t.stateDir });
    expect((await third.t.api(`${rs1}/drain`)).status).toBe(404);
    expect(third.finished).toEqual([]); // ended during start, before anyone could listen: it is in the log
  });

  it('shows the progress on the real server in every read, null on the others', async () => {
    const { t } = await busyAgent();
    expect((await start(t, { then: 'remove', deadlineSeconds: 3600 })).status).toBe(201);
    const table = (await (await t.api('/services')).json()) as { destinations: Destination[] }[];
    const drain = table[0]?.destinations.find((d) => d.address === '10.0.1.1')?.drain;
    expect(drain?.then).toBe('remove');
    expect(table[0]?.destinations.find((d) => d.address === '10.0.1.2')?.drain).toBeNull();
  });
});
