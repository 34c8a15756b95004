import { describe, expect, it } from 'vitest';
import {
  changesPageSchema,
  infoResponseSchema,
  type ChangeRecord,
  type Destination,
  type ErrorBody,
} from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../../simulated/index.js';
import { webServiceId, type TestAgent } from './test-agent.js';
import { agentsForEachTest, masqServer, webKey } from './web-table.js';

const key = webKey;
const policyPath = `/services/${webServiceId}/policy`;
const pathOf = (did: string) => `/services/${webServiceId}/destinations/${encodeURIComponent(did)}`;
const path1 = pathOf('10.0.1.1:80');
const path2 = pathOf('10.0.1.2:80');

const { startWithTable, stop } = agentsForEachTest();
const agentWithTable = (options: { stateDir?: string; backend?: SimulatedBackend } = {}) =>
  startWithTable({ ...options, weights: [9, 3] });

const read = async (t: TestAgent, path = path1) => (await (await t.api(path)).json()) as Destination;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(t: TestAgent, test: (d: Destination) => boolean, path = path1): Promise<Destination> {
  for (let i = 0; i < 300; i++) {
    const d = await read(t, path);
    if (test(d)) return d;
    await sleep(20);
  }
  throw new Error(`timed out; last ${JSON.stringify(await read(t, path))}`);
}

async function present(t: TestAgent, path: string): Promise<Destination> {
  for (let i = 0; i < 100; i++) {
    const response = await t.api(path);
    if (response.status === 200) return (await response.json()) as Destination;
    await sleep(20);
  }
  throw new Error(`${path} never appeared`);
}

async function changes(t: TestAgent): Promise<ChangeRecord[]> {
  return changesPageSchema.parse(await (await t.api('/changes')).json()).items;
}

/** Weights as the reads saw them, every 100 ms until the ramp is over. */
async function watchRamp(t: TestAgent): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < 60; i++) {
    const d = await read(t);
    if (seen.at(-1) !== d.weight) seen.push(d.weight);
    if (!d.ramp && d.weight !== 0) return seen;
    await sleep(100);
  }
  throw new Error(`the ramp did not end: ${seen.join(' ')}`);
}

describe('slow start and sorry server routes', () => {
  it('sets, reads and removes a policy, refusing bad ones with nothing stored', async () => {
    const { t } = await agentWithTable();
    expect(await (await t.api(policyPath)).json()).toEqual({});
    const bad = await t.api(policyPath, { method: 'PUT', json: { slowStartSeconds: -1 } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.field).toBe('slowStartSeconds');
    const taken = await t.api(policyPath, {
      method: 'PUT',
      json: { sorryServer: { address: '10.0.1.2', port: 80, forwarding: 'masq' } },
    });
    expect(taken.status).toBe(400);
    expect(((await taken.json()) as ErrorBody).error.message).toMatch(/already a real server/);
    const wrongPort = await t.api(policyPath, {
      method: 'PUT',
      json: { sorryServer: { address: '10.0.9.9', port: 8080 } },
    });
    expect(wrongPort.status).toBe(400);
    expect(((await wrongPort.json()) as ErrorBody).error.field).toBe('sorryServer.port');
    expect(await (await t.api(policyPath)).json()).toEqual({});

    const put = await t.api(policyPath, { method: 'PUT', json: { slowStartSeconds: 2 } });
    expect(await put.json()).toEqual({ slowStartSeconds: 2 });
    const exported = await (await t.api('/config')).text();
    expect(exported).toContain('# ipvs-dashboard policy tcp:10.0.0.1:80 {"slowStartSeconds":2}');
    expect((await t.api(policyPath, { method: 'DELETE' })).status).toBe(204);
    expect(await (await t.api(policyPath)).json()).toEqual({});

    // The export's line sets it again on import (the ipvsadm lines are the same table).
    const imported = await t.api('/config', {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: exported,
    });
    expect(imported.status).toBe(200);
    expect(await (await t.api(policyPath)).json()).toEqual({ slowStartSeconds: 2 });
  });

  it(
    'ramps an unquiesced server in steps to its exact weight, recorded once with an undo to before',
    { timeout: 20_000 },
    async () => {
      const { t } = await agentWithTable();
      await t.api(policyPath, { method: 'PUT', json: { slowStartSeconds: 2 } });
      await t.api(`${path1}/quiesce`, { method: 'POST' });
      const back = await t.api(`${path1}/unquiesce`, { method: 'POST' });
      const first = (await back.json()) as Destination;
      expect(first.weight).toBe(3);
      expect(first.ramp).toMatchObject({ target: 9, weight: 3 });
      expect(first.ramp!.endsAt - first.ramp!.startedAt).toBe(2000);
      const rampId = back.headers.get('x-change-id');
      expect([3, ...(await watchRamp(t))].filter((w, i, all) => all.indexOf(w) === i)).toEqual([3, 6, 9]);

      const records = await changes(t);
      expect(records.filter((r) => r.action === 'unquiesce')).toHaveLength(1);
      const ramp = records.find((r) => r.action === 'unquiesce')!;
      expect(ramp.id).toBe(rampId);
      expect(ramp.actor).toEqual({ type: 'api', name: 'admin' });
      expect(ramp.commands).toEqual([
        'ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 3',
        'ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 6',
        'ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 9',
      ]);
      expect(ramp.inverse).toEqual(['ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 0']);
      expect(ramp.summary).toMatch(/slow start to weight 9 in 3 steps over 2 s/);
      // Only the ramp's record and the quiesce before it: no record per step.
      expect(records.map((r) => r.action)).toEqual(['unquiesce', 'quiesce']);

      const undo = await t.api(`/changes/${ramp.id}/revert`, { method: 'POST', json: {} });
      expect(undo.status).toBe(201);
      expect((await read(t)).weight).toBe(0);
    },
  );

  it(
    'a hold mid-ramp stops it and remembers the target; a direct weight edit cancels it',
    { timeout: 20_000 },
    async () => {
      const { t } = await agentWithTable();
      await t.api(policyPath, { method: 'PUT', json: { slowStartSeconds: 2 } });
      await t.api(`${path1}/quiesce`, { method: 'POST' });
      await t.api(`${path1}/unquiesce`, { method: 'POST' });
      await until(t, (d) => d.weight === 6);
      await t.api(`${path1}/quiesce`, { method: 'POST' });
      const quiesced = (await (await t.api('/quiesced')).json()) as { weight: number }[];
      expect(quiesced).toMatchObject([{ destination: '10.0.1.1:80', weight: 9 }]);
      await sleep(1500);
      expect(await read(t)).toMatchObject({ weight: 0 });
      expect((await read(t)).ramp).toBeUndefined();
      const stopped = (await changes(t)).find((r) => r.action === 'unquiesce')!;
      expect(stopped.summary).toMatch(
        /stopped at weight 6 of 9 after 2 steps: a hold took the real server out/,
      );

      const back = (await (await t.api(`${path1}/unquiesce`, { method: 'POST' })).json()) as Destination;
      expect(back).toMatchObject({ weight: 3, ramp: { target: 9 } });
      await t.api(path1, { method: 'PATCH', json: { weight: 4 } });
      await sleep(2300);
      const after = await read(t);
      expect(after.weight).toBe(4);
      expect(after.ramp).toBeUndefined();
      expect((await changes(t))[1]?.summary).toMatch(/its weight was set to 4 directly/);
    },
  );

  it('ramps a real server added through the API', { timeout: 20_000 }, async () => {
    const { t } = await agentWithTable();
    await t.api(policyPath, { method: 'PUT', json: { slowStartSeconds: 1 } });
    const added = await t.api(`/services/${webServiceId}/destinations`, {
      method: 'POST',
      json: masqServer('10.0.1.3', 8),
    });
    expect((await added.json()) as Destination).toMatchObject({ weight: 4, ramp: { target: 8, weight: 4 } });
    await until(t, (d) => d.weight === 8 && d.ramp === undefined, pathOf('10.0.1.3:80'));
    const records = await changes(t);
    expect(records.map((r) => r.action).slice(0, 2)).toEqual(['slow-start', 'add-destination']);
    expect(records[0]!.commands).toEqual(['ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.3:80 -m -w 8']);
  });

  it(
    'finishes a ramp an agent left unfinished when it stopped, and reports it',
    { timeout: 20_000 },
    async () => {
      const { t, backend } = await agentWithTable();
      await t.api(policyPath, { method: 'PUT', json: { slowStartSeconds: 4 } });
      await t.api(`${path1}/quiesce`, { method: 'POST' });
      await t.api(`${path1}/unquiesce`, { method: 'POST' });
      await stop(t);
      const left = (await backend.listDestinations(key)).find((d) => d.address === '10.0.1.1')!.weight;
      expect(left).toBeLessThan(9); // stopped at a step
      const { t: again } = await agentWithTable({ backend, stateDir: t.stateDir });
      const info = infoResponseSchema.parse(await (await again.api('/info')).json());
      expect(info.rampsAtStart).toMatchObject([
        { service: 'tcp:10.0.0.1:80', destination: '10.0.1.1:80', target: 9, outcome: 'resumed' },
      ]);
      await until(again, (d) => d.weight === 9 && d.ramp === undefined);
      expect((await changes(again)).filter((r) => r.action === 'unquiesce')).toHaveLength(1);
    },
  );

  it(
    'adds the sorry server while no real server is up and removes it when one returns',
    { timeout: 20_000 },
    async () => {
      const { t } = await agentWithTable();
      const sorry = { address: '10.0.9.9', port: 80, forwarding: 'masq' } as const;
      const sorryPath = pathOf('10.0.9.9:80');
      expect((await t.api(policyPath, { method: 'PUT', json: { sorryServer: sorry } })).status).toBe(200);
      expect((await t.api(sorryPath)).status).toBe(404);
      await t.api(`${path1}/quiesce`, { method: 'POST' });
      await t.api(path2, { method: 'PATCH', json: { weight: 0 } });
      const standIn = await present(t, sorryPath);
      expect(standIn).toMatchObject({ weight: 1, sorryServer: true, forwarding: 'masq' });
      expect((await read(t)).sorryServer).toBeUndefined();
      await t.api(`${path1}/unquiesce`, { method: 'POST' });
      for (let i = 0; i < 100 && (await t.api(sorryPath)).status !== 404; i++) await sleep(20);
      expect((await t.api(sorryPath)).status).toBe(404);
      const records = await changes(t);
      expect(records.slice(0, 2).map((r) => [r.action, r.actor.type])).toEqual([
        ['sorry-server-off', 'agent'],
        ['unquiesce', 'api'],
      ]);
      expect(records.find((r) => r.action === 'sorry-server-on')?.commands).toEqual([
        'ipvsadm -a -t 10.0.0.1:80 -r 10.0.9.9:80 -m -w 1',
      ]);
      // No longer named: it leaves the table at once.
      await t.api(`${path1}/quiesce`, { method: 'POST' });
      await present(t, sorryPath);
      expect((await t.api(policyPath, { method: 'DELETE' })).status).toBe(204);
      expect((await t.api(sorryPath)).status).toBe(404);
    },
  );
});
