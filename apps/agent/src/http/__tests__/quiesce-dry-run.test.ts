import { describe, expect, it } from 'vitest';
import { destinationSchema, restorePlanSchema, type ErrorBody } from '@ipvs-dashboard/shared';
import { backendWith, server, service, steady } from '../../simulated/__tests__/traffic-helpers.js';
import type { TestAgent } from './test-agent.js';
import { agentsForEachTest, webServerPath } from './web-table.js';

// A fleet quiesce plans on every director through POST .../quiesce?dryRun=1 (and unquiesce): the dry run
// answers what the change would do and refuses what it would refuse, and changes nothing, holds included.
const { startWithTable } = agentsForEachTest();
const rs1 = webServerPath('10.0.1.1');

const post = (t: TestAgent, path: string, json: unknown = {}) => t.api(path, { method: 'POST', json });
const rs1Now = async (t: TestAgent) => destinationSchema.parse(await (await t.api(rs1)).json());
const configText = async (t: TestAgent) => (await t.api('/config')).text();

describe('quiesce and unquiesce ?dryRun=1', () => {
  it('answers the plan (weight to 0, then back to the remembered weight) with the ETag, and changes nothing', async () => {
    const { t } = await startWithTable();
    const before = await configText(t);
    const planned = await post(t, `${rs1}/quiesce?dryRun=1`);
    expect(planned.status).toBe(200);
    expect(planned.headers.get('etag')).toMatch(/^W\/"\d+"$/);
    const plan = restorePlanSchema.parse(await planned.json());
    expect(plan.changed).toEqual(['-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 0']);
    expect(plan.details[0]?.fields).toContainEqual({ field: 'weight', from: '7', to: '0' });
    expect(await configText(t)).toBe(before);
    expect((await rs1Now(t)).holds ?? []).toEqual([]);
    expect(await (await t.api('/quiesced')).json()).toEqual([]);

    // In rotation already: an unquiesce has nothing to do.
    const noop = await post(t, `${rs1}/unquiesce?dryRun=1`);
    expect(noop.status).toBe(200);
    expect(restorePlanSchema.parse(await noop.json()).changed).toEqual([]);

    expect((await post(t, `${rs1}/quiesce`)).status).toBe(200);
    const back = restorePlanSchema.parse(await (await post(t, `${rs1}/unquiesce?dryRun=1`)).json());
    expect(back.changed).toEqual(['-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 7']);
    const held = await rs1Now(t);
    expect(held.weight).toBe(0);
    expect(held.holds?.map((hold) => hold.kind)).toEqual(['operator']);
  });

  it('refuses an unknown real server and one held by a drain, with the routes own sentences', async () => {
    // rs1 has connections (20 s of steady traffic), so its drain is still waiting when the dry run comes.
    const backend = await backendWith(
      service({ scheduler: 'wrr' }),
      [server('10.0.1.1', { weight: 7 }), server('10.0.1.2', { weight: 3 })],
      steady(20, { meanDurationSeconds: 5 }),
    );
    backend.tick(20_000);
    const { t } = await startWithTable({ backend });
    const unknown = await post(t, `${webServerPath('10.0.1.9')}/quiesce?dryRun=1`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('DESTINATION_NOT_FOUND');
    const drain = await post(t, `${rs1}/drain`, { then: 'keep', deadlineSeconds: 600 });
    expect(drain.status).toBe(201);
    const draining = await post(t, `${rs1}/unquiesce?dryRun=1`);
    expect(draining.status).toBe(409);
    const body = (await draining.json()) as ErrorBody;
    expect(body.error.code).toBe('HELD_BY_DRAIN');
    expect(body.error.message).toMatch(/is being drained .* nothing was changed/);
  });

  it('the undo of an unquiesce puts the server back out under an operator hold that remembers its weight', async () => {
    const { t } = await startWithTable();
    expect((await post(t, `${rs1}/quiesce`)).status).toBe(200);
    const unquiesced = await post(t, `${rs1}/unquiesce`);
    const changeId = unquiesced.headers.get('x-change-id');
    expect((await rs1Now(t)).weight).toBe(7);
    const undo = await post(t, `/changes/${changeId}/revert`);
    expect(undo.status).toBe(201);
    const held = await rs1Now(t);
    expect(held.weight).toBe(0);
    expect(held.holds?.map((hold) => hold.kind)).toEqual(['operator']);
    expect((await post(t, `${rs1}/unquiesce`)).status).toBe(200);
    expect((await rs1Now(t)).weight).toBe(7);
  });
});
