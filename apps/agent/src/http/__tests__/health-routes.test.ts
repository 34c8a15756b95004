import { describe, expect, it } from 'vitest';
import {
  changesPageSchema,
  infoResponseSchema,
  serviceWithDestinationsSchema,
  type Destination,
  type ErrorBody,
  type HealthCheck,
} from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../../simulated/index.js';
import { webServiceId, type TestAgent } from './test-agent.js';
import { agentsForEachTest, webKey } from './web-table.js';

const key = webKey;
const rs1 = { address: '10.0.1.1', port: 80 };
const path1 = `/services/${webServiceId}/destinations/${encodeURIComponent('10.0.1.1:80')}`;
/** Fast enough for a unit test: down after 2 failures 100 ms apart, up after 2 successes. */
const fast: HealthCheck = {
  kind: 'http',
  intervalSeconds: 0.1,
  timeoutSeconds: 0.05,
  rise: 2,
  fall: 2,
  path: '/',
};

const { startWithTable: agentWithTable, stop } = agentsForEachTest();

async function rs1Now(t: TestAgent): Promise<Destination> {
  return (await (await t.api(path1)).json()) as Destination;
}

async function until(t: TestAgent, test: (d: Destination) => boolean): Promise<Destination> {
  for (let i = 0; i < 200; i++) {
    const d = await rs1Now(t);
    if (test(d)) return d;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out; last ${JSON.stringify(await rs1Now(t))}`);
}

describe('health-routes', () => {
  it('sets, reads and removes checks, refusing a bad one with nothing stored', async () => {
    const { t } = await agentWithTable();
    expect((await t.api(`/services/${webServiceId}/check`)).status).toBe(404);
    const bad = await t.api(`/services/${webServiceId}/check`, {
      method: 'PUT',
      json: { ...fast, timeoutSeconds: 1 },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.field).toBe('timeoutSeconds');
    expect((await t.api(`/services/${webServiceId}/check`)).status).toBe(404);
    expect((await t.api(`/services/${webServiceId}/check`, { method: 'PUT', json: fast })).status).toBe(200);
    expect(await (await t.api(`/services/${webServiceId}/check`)).json()).toEqual(fast);
    const own = { ...fast, kind: 'tcp', path: undefined };
    expect((await t.api(`${path1}/check`, { method: 'PUT', json: own })).status).toBe(200);
    expect(await (await t.api(`${path1}/check`)).json()).toMatchObject({ kind: 'tcp' });
    const missing = `/services/${webServiceId}/destinations/${encodeURIComponent('10.0.9.9:80')}/check`;
    expect(
      ((await (await t.api(missing, { method: 'PUT', json: fast })).json()) as ErrorBody).error.code,
    ).toBe('DESTINATION_NOT_FOUND');
    expect((await t.api(`${path1}/check`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.api(`${path1}/check`, { method: 'DELETE' })).status).toBe(404);
    // Every read carries health: checked ones come up, servers without a check say disabled.
    await until(t, (d) => d.health?.state === 'up');
    expect((await t.api(`/services/${webServiceId}/check`, { method: 'DELETE' })).status).toBe(204);
    expect(await until(t, (d) => d.health?.state === 'disabled')).toMatchObject({
      holds: [],
      health: { since: null },
    });
  });

  it('takes a failing server out after fall failures and puts it back at its weight after rise, as the check', async () => {
    const { t, backend } = await agentWithTable();
    await t.api(`/services/${webServiceId}/check`, { method: 'PUT', json: fast });
    await until(t, (d) => d.health?.state === 'up');
    backend.setFailing(key, rs1, true);
    const down = await until(t, (d) => d.weight === 0);
    expect(down.health).toMatchObject({
      state: 'down',
      lastResult: { ok: false, detail: 'connect refused (simulated)' },
    });
    expect(down.holds).toEqual([
      expect.objectContaining({ kind: 'health', reason: 'connect refused (simulated)' }),
    ]);
    backend.setFailing(key, rs1, false);
    const up = await until(t, (d) => d.weight === 7 && d.holds?.length === 0);
    expect(up.health?.state).toBe('up');
    const changes = changesPageSchema.parse(await (await t.api('/changes')).json()).items;
    expect(changes.slice(0, 2).map((c) => [c.action, c.actor.type, c.commands[0]])).toEqual([
      ['health-up', 'health-check', 'ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 7'],
      ['health-down', 'health-check', 'ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 0'],
    ]);
  });

  it('keeps a server out until both the operator and the health check let go, in either order', async () => {
    const { t, backend } = await agentWithTable();
    await t.api(`/services/${webServiceId}/check`, { method: 'PUT', json: fast });
    await until(t, (d) => d.health?.state === 'up');
    // Operator first, then health; health lets go first: still out; the operator's unquiesce brings it back.
    expect((await t.api(`${path1}/quiesce`, { method: 'POST' })).status).toBe(200);
    backend.setFailing(key, rs1, true);
    await until(t, (d) => d.holds?.length === 2);
    const refused = await t.api(`${path1}/unquiesce`, { method: 'POST' });
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as ErrorBody;
    expect(error.code).toBe('HELD_BY_HEALTH');
    expect(error.message).toMatch(
      /^10\.0\.1\.1:80 in tcp:10\.0\.0\.1:80 stays out: its health check holds it \(connect refused/,
    );
    expect((await rs1Now(t)).holds?.map((h) => h.kind)).toEqual(['operator', 'health']);
    backend.setFailing(key, rs1, false);
    const stillOut = await until(t, (d) => d.health?.state === 'up' && d.holds?.length === 1);
    expect(stillOut).toMatchObject({ weight: 0, holds: [{ kind: 'operator' }] });
    expect(
      ((await (await t.api(`${path1}/unquiesce`, { method: 'POST' })).json()) as Destination).weight,
    ).toBe(7);
    // Health first, then the operator; the operator lets go first: refused while health holds; health's rise brings it back.
    backend.setFailing(key, rs1, true);
    await until(t, (d) => d.weight === 0);
    expect((await t.api(`${path1}/quiesce`, { method: 'POST' })).status).toBe(200);
    expect((await rs1Now(t)).holds?.map((h) => h.kind)).toEqual(['health', 'operator']);
    backend.setFailing(key, rs1, false);
    await until(t, (d) => d.holds?.length === 1 && d.holds[0]?.kind === 'operator');
    expect((await rs1Now(t)).weight).toBe(0);
    expect(
      ((await (await t.api(`${path1}/unquiesce`, { method: 'POST' })).json()) as Destination).weight,
    ).toBe(7);
  });

  it('keeps holds and checks over a restart, changes nothing, and reports what it found', async () => {
    const { t, backend } = await agentWithTable();
    await t.api(`/services/${webServiceId}/check`, { method: 'PUT', json: fast });
    backend.setFailing(key, rs1, true);
    await until(t, (d) => d.weight === 0);
    await stop(t);
    const again = (await agentWithTable({ stateDir: t.stateDir, backend })).t;
    const info = infoResponseSchema.parse(await (await again.api('/info')).json());
    expect(info.holdsAtStart).toMatchObject({
      kept: [{ service: 'tcp:10.0.0.1:80', destination: '10.0.1.1:80', holds: [{ kind: 'health' }] }],
      forgotten: [],
      unheld: [],
    });
    const held = await until(
      again,
      (d) => d.health?.lastResult !== null && d.health?.lastResult !== undefined,
    );
    expect(held).toMatchObject({ weight: 0, health: { state: 'down' }, holds: [{ kind: 'health' }] });
    const after = changesPageSchema.parse(await (await again.api('/changes')).json()).items;
    expect(after[0]?.action).toBe('health-down'); // no change made by the restart
    backend.setFailing(key, rs1, false);
    // The hold goes right after the weight is back (hold-changes.ts forgets it once the kernel took it).
    await until(again, (d) => d.weight === 7 && d.holds?.length === 0);
  });

  it('exports checks as # lines after the ipvsadm text and imports them back', async () => {
    const { t } = await agentWithTable();
    await t.api(`/services/${webServiceId}/check`, { method: 'PUT', json: fast });
    const text = await (await t.api('/config')).text();
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((l) => !l.startsWith('#'))).toEqual([
      '-A -t 10.0.0.1:80 -s wrr',
      '-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 7',
      '-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 3',
    ]);
    expect(lines.at(-1)).toBe(`# ipvs-dashboard check tcp:10.0.0.1:80 ${JSON.stringify(fast)}`);
    const other = (await agentWithTable({ backend: new SimulatedBackend() })).t;
    const imported = await other.api('/config', {
      method: 'PUT',
      body: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(imported.status).toBe(200);
    expect(await (await other.api(`/services/${webServiceId}/check`)).json()).toEqual(fast);
    const orphan = await other.api('/config', {
      method: 'POST',
      body: `# ipvs-dashboard check tcp:10.9.9.9:80 ${JSON.stringify(fast)}\n`,
      headers: { 'content-type': 'text/plain' },
    });
    expect(orphan.status).toBe(400);
    expect(((await orphan.json()) as ErrorBody).error.message).toMatch(
      /^line 1: check for tcp:10\.9\.9\.9:80/,
    );
  });

  it('carries holds and health in GET /services', async () => {
    const { t } = await agentWithTable();
    await t.api(`/services/${webServiceId}/quiesce`.replace('/quiesce', '') + '/check', {
      method: 'PUT',
      json: fast,
    });
    await t.api(`${path1}/quiesce`, { method: 'POST' });
    const services = serviceWithDestinationsSchema.array().parse(await (await t.api('/services')).json());
    const dest = services[0]?.destinations.find((d) => d.address === '10.0.1.1');
    expect(dest?.holds).toEqual([expect.objectContaining({ kind: 'operator', reason: 'quiesced by admin' })]);
  });
});
