// A fleet change against real agent processes on 127.0.0.1 (simulated backend, so nothing leaves
// loopback): lb1 started with --fleet naming lb2 (with lb2's admin token) and a director whose port nobody
// listens on. Both tables are set to the same small table first, so the demo's outage cannot move them.
// Run it after `npx tsc -b`: `node --test test/fleet/`.
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort } from '../e2e/lib/agent-process.mjs';
import { call, fleetRig, TABLE } from './fleet-rig.mjs';

const { dir, agents, startAgent, fleetChange } = await fleetRig('fleet-change-test-');

/** The tables as ipvsadm -Sn text (GET /config), both directors. */
const tables = async () => ({
  lb1: (await call(agents.lb1, '/api/v1/config')).body,
  lb2: (await call(agents.lb2, '/api/v1/config')).body,
});

before(async () => {
  const lb2 = await startAgent('lb2');
  const fleetFile = join(dir, 'fleet.json');
  await writeFile(
    fleetFile,
    JSON.stringify({
      self: { name: 'lb1', pair: 'edge' },
      directors: [
        { name: 'lb2', url: lb2.origin, token: lb2.token, pair: 'edge' },
        { name: 'gone', url: `http://127.0.0.1:${await freePort()}`, token: 'any-token-0123456789' },
      ],
    }),
  );
  await startAgent('lb1', ['--fleet', fleetFile]);
  for (const name of ['lb1', 'lb2']) {
    const set = await call(agents[name], '/api/v1/config?confirm=replace-all', {
      method: 'PUT',
      text: TABLE,
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
  }
});

after(async () => {
  await Promise.all(Object.values(agents).map((agent) => agent.stop()));
  await rm(dir, { recursive: true, force: true });
});

const weight7 = { text: '-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 7\n' };

test('a dry run plans on both directors (each its own plan) and changes neither', async () => {
  const before = await tables();
  const { status, body } = await fleetChange({ directors: ['lb1', 'lb2'], change: weight7 }, '?dryRun=1');
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.outcome, 'planned');
  for (const director of body.directors) {
    assert.equal(director.state, 'planned');
    assert.deepEqual(director.plan.changed, ['-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 7']);
  }
  assert.deepEqual(await tables(), before);
});

test('applied on both: each table has the weight, each audit log names the one fleet change id', async () => {
  const { status, body } = await fleetChange({ directors: ['lb1', 'lb2'], change: weight7 });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.outcome, 'applied');
  assert.match(body.id, /^fleet-/);
  const after = await tables();
  for (const name of ['lb1', 'lb2']) {
    assert.match(after[name], /-a -t 10\.0\.0\.1:80 -r 10\.0\.1\.1:80 -m -w 7/);
    const records = (await call(agents[name], `/api/v1/changes?fleetChange=${body.id}`)).body.items;
    const director = body.directors.find((d) => d.name === name);
    assert.deepEqual(
      records.map((r) => [r.id, r.action, r.fleetChange]),
      [[director.changeId, 'merge', body.id]],
    );
  }
  // lb2's record names the token lb1 used there; lb1's the caller of the fleet change.
  assert.equal(
    (await call(agents.lb1, `/api/v1/changes/${body.directors[0].changeId}`)).body.actor.name,
    'admin',
  );
});

test('the second director refuses (its table moved since the plan): the first is rolled back, both tables as before', async () => {
  const stale = (await call(agents.lb2, '/api/v1/services')).etag;
  // Someone changes lb2 after the operator looked: the fleet change's If-Match for lb2 is stale now.
  const moved = await call(agents.lb2, '/api/v1/config', {
    method: 'POST',
    text: '-e -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 6\n',
  });
  assert.equal(moved.status, 200);
  const before = await tables();
  const change = { text: '-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 9\n-E -t 10.0.0.1:80 -s rr\n' };
  const { status, body, error } = await fleetChange({
    directors: ['lb1', 'lb2'],
    change,
    ifMatch: { lb2: stale },
  });
  assert.equal(status, 409, JSON.stringify(body));
  assert.equal(body.outcome, 'rolled-back', JSON.stringify(body));
  assert.equal(error.message, 'Refused on lb2; rolled back on lb1; every director is as it was.');
  const [lb1, lb2] = body.directors;
  assert.equal(lb1.state, 'rolled-back');
  assert.ok(lb1.changeId && lb1.undoChangeId);
  assert.equal(lb2.state, 'refused');
  assert.match(lb2.reason, /changed since/);
  assert.deepEqual(await tables(), before);
  const lb1Records = (await call(agents.lb1, `/api/v1/changes?fleetChange=${body.id}`)).body.items;
  assert.deepEqual(
    lb1Records.map((r) => [r.action, r.id]),
    [
      ['revert', lb1.undoChangeId],
      ['merge', lb1.changeId],
    ],
  );
  assert.deepEqual((await call(agents.lb2, `/api/v1/changes?fleetChange=${body.id}`)).body.items, []);
});

test("a plan refused on one director applies nothing anywhere and shows that director's problems", async () => {
  const before = await tables();
  // lb1 has a service lb2 lacks: the change plans on lb1 and not on lb2.
  await call(agents.lb1, '/api/v1/config', { method: 'POST', text: '-A -t 10.0.0.9:80 -s rr\n' });
  const withExtra = await tables();
  const change = { text: '-E -t 10.0.0.9:80 -s wlc\n-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 3\n' };
  const { status, body } = await fleetChange({ directors: ['lb1', 'lb2'], change });
  assert.equal(status, 409);
  assert.equal(body.outcome, 'refused');
  assert.deepEqual(
    body.directors.map((d) => d.state),
    ['not-tried', 'refused'],
  );
  assert.match(body.directors[1].problems.join(' '), /no such service: tcp:10\.0\.0\.9:80/);
  assert.deepEqual(await tables(), withExtra);
  await call(agents.lb1, '/api/v1/config', { method: 'POST', text: '-D -t 10.0.0.9:80\n' });
  assert.deepEqual(await tables(), before);
});

test('a director that cannot be reached refuses the plan with the reason; nothing is applied', async () => {
  const before = await tables();
  const { body } = await fleetChange({ directors: ['lb1', 'gone'], change: weight7 });
  assert.equal(body.outcome, 'refused');
  assert.match(body.directors[1].problems[0], /connection refused at http:\/\/127\.0\.0\.1:\d+/);
  assert.deepEqual(await tables(), before);
});

test('names outside the fleet file and bodies that are not a change are refused, naming what is wrong', async () => {
  const unknown = await call(agents.lb1, '/api/v1/fleet/changes', {
    method: 'POST',
    json: { directors: ['lb1', 'lb9'], change: weight7 },
  });
  assert.equal(unknown.status, 400);
  assert.match(
    unknown.body.error.message,
    /No director lb9 in the fleet file; its directors are lb1, lb2, gone/,
  );
  const clear = await call(agents.lb1, '/api/v1/fleet/changes', {
    method: 'POST',
    json: { directors: ['lb1'], change: { text: '-C\n' } },
  });
  assert.equal(clear.status, 400);
  assert.match(clear.body.error.message, /cannot clear tables/);
});
