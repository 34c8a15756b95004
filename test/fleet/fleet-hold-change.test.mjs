// Fleet quiesce/unquiesce and lost answers against real agent processes on 127.0.0.1 (simulated backend,
// so nothing leaves loopback): lb1 started with --fleet naming lb2, and lb2 twice more behind a hop that
// loses the answer of a change (answer-dropper.mjs): "lb2-lossy" stays reachable, "lb2-lost" stops
// listening once it lost one. Run it after `npx tsc -b`: `node --test test/fleet/`.
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { call, fleetRig, TABLE } from './fleet-rig.mjs';
import { answerDropper } from './answer-dropper.mjs';

const { dir, agents, startAgent, fleetChange } = await fleetRig('fleet-hold-change-test-');
const hops = {};

before(async () => {
  const lb2 = await startAgent('lb2');
  hops.lossy = await answerDropper(lb2.origin);
  hops.lost = await answerDropper(lb2.origin);
  const fleetFile = join(dir, 'fleet.json');
  await writeFile(
    fleetFile,
    JSON.stringify({
      self: { name: 'lb1', pair: 'edge' },
      directors: [
        { name: 'lb2', url: lb2.origin, token: lb2.token, pair: 'edge' },
        { name: 'lb2-lossy', url: hops.lossy.origin, token: lb2.token },
        { name: 'lb2-lost', url: hops.lost.origin, token: lb2.token },
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
  await Promise.all(Object.values(hops).map((hop) => hop.close()));
  await Promise.all(Object.values(agents).map((agent) => agent.stop()));
  await rm(dir, { recursive: true, force: true });
});

// Fleet quiesce and unquiesce: each director's own quiesce path, so each keeps an operator hold and the
// weight IT had (lb1 5, lb2 3), and an unquiesce gives back exactly those.
const rs1 = `/api/v1/services/${encodeURIComponent('tcp:10.0.0.1:80')}/destinations/${encodeURIComponent('10.0.1.1:80')}`;
const quiesce = { kind: 'quiesce', service: 'tcp:10.0.0.1:80', server: '10.0.1.1:80' };
const unquiesce = { ...quiesce, kind: 'unquiesce' };

/** rs1 on one agent: its weight, its holds' kinds, and the weight its agent remembers for it. */
async function rs1On(agent) {
  const row = (await call(agent, rs1)).body;
  const remembered = (await call(agent, '/api/v1/quiesced')).body.find(
    (h) => h.destination === '10.0.1.1:80',
  );
  return { weight: row.weight, holds: (row.holds ?? []).map((h) => h.kind), remembered: remembered?.weight };
}

const rs1Both = async () => ({ lb1: await rs1On(agents.lb1), lb2: await rs1On(agents.lb2) });
const inRotation = (weight) => ({ weight, holds: [], remembered: undefined });
const quiesced = (weight) => ({ weight: 0, holds: ['operator'], remembered: weight });

test('a fleet quiesce places an operator hold on each director that remembers its own weight', async () => {
  for (const [name, weight] of [
    ['lb1', 5],
    ['lb2', 3],
  ]) {
    const set = await call(agents[name], '/api/v1/config', {
      method: 'POST',
      text: `-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w ${weight}\n`,
    });
    assert.equal(set.status, 200);
  }
  const planned = await fleetChange({ directors: ['lb1', 'lb2'], change: quiesce }, '?dryRun=1');
  assert.equal(planned.body.outcome, 'planned', JSON.stringify(planned.body));
  assert.deepEqual(
    planned.body.directors.map((d) => d.plan.changed),
    [['-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 0'], ['-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 0']],
  );
  assert.deepEqual(await rs1Both(), { lb1: inRotation(5), lb2: inRotation(3) });

  const { status, body } = await fleetChange({ directors: ['lb1', 'lb2'], change: quiesce });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.outcome, 'applied');
  assert.deepEqual(await rs1Both(), { lb1: quiesced(5), lb2: quiesced(3) });
  for (const name of ['lb1', 'lb2']) {
    const records = (await call(agents[name], `/api/v1/changes?fleetChange=${body.id}`)).body.items;
    assert.deepEqual(
      records.map((r) => [r.action, r.id]),
      [['quiesce', body.directors.find((d) => d.name === name).changeId]],
    );
    const reason = (await call(agents[name], rs1)).body.holds[0].reason;
    assert.match(reason, new RegExp(`quiesced by .* \\(fleet change ${body.id}\\)`));
  }
});

test('a fleet unquiesce gives each director back exactly its own weight', async () => {
  const { status, body } = await fleetChange({ directors: ['lb1', 'lb2'], change: unquiesce });
  assert.equal(status, 200, JSON.stringify(body));
  assert.deepEqual(await rs1Both(), { lb1: inRotation(5), lb2: inRotation(3) });
});

test('a fleet unquiesce refused on lb2 is rolled back on lb1 into its hold, with the weight remembered', async () => {
  assert.equal((await fleetChange({ directors: ['lb1', 'lb2'], change: quiesce })).status, 200);
  const stale = (await call(agents.lb2, '/api/v1/services')).etag;
  await call(agents.lb2, '/api/v1/config', {
    method: 'POST',
    text: '-e -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 4\n',
  });
  const { body } = await fleetChange({
    directors: ['lb1', 'lb2'],
    change: unquiesce,
    ifMatch: { lb2: stale },
  });
  assert.equal(body.outcome, 'rolled-back', JSON.stringify(body));
  assert.deepEqual(await rs1Both(), { lb1: quiesced(5), lb2: quiesced(3) });
  // And the hold the undo put back is an ordinary one: the next unquiesce gives 5 back.
  assert.equal((await fleetChange({ directors: ['lb1', 'lb2'], change: unquiesce })).status, 200);
  assert.deepEqual(await rs1Both(), { lb1: inRotation(5), lb2: inRotation(3) });
});

test('a director that applied and lost its answer is looked up: it counts as applied', async () => {
  hops.lossy.dropNextApply();
  const { status, body } = await fleetChange({ directors: ['lb1', 'lb2-lossy'], change: quiesce });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.outcome, 'applied');
  const lossy = body.directors[1];
  assert.equal(lossy.state, 'applied');
  assert.match(
    lossy.reason,
    /closed the connection before answering.*its change log records \S+ under fleet-/,
  );
  const records = (await call(agents.lb2, `/api/v1/changes?fleetChange=${body.id}`)).body.items;
  assert.deepEqual(
    records.map((r) => [r.action, r.id]),
    [['quiesce', lossy.changeId]],
  );
  assert.deepEqual(await rs1Both(), { lb1: quiesced(5), lb2: quiesced(3) });
});

test('a looked-up director is rolled back by its own undo when a later director refuses', async () => {
  hops.lossy.dropNextApply();
  const stale = (await call(agents.lb1, '/api/v1/services')).etag;
  await call(agents.lb1, '/api/v1/config', {
    method: 'POST',
    text: '-e -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 4\n',
  });
  const { body } = await fleetChange({
    directors: ['lb2-lossy', 'lb1'],
    change: unquiesce,
    ifMatch: { lb1: stale },
  });
  assert.equal(body.outcome, 'rolled-back', JSON.stringify(body));
  assert.deepEqual(
    body.directors.map((d) => d.state),
    ['rolled-back', 'refused'],
  );
  assert.ok(body.directors[0].undoChangeId);
  assert.deepEqual(await rs1Both(), { lb1: quiesced(5), lb2: quiesced(3) });
  assert.equal((await fleetChange({ directors: ['lb1', 'lb2'], change: unquiesce })).status, 200);
  assert.deepEqual(await rs1Both(), { lb1: inRotation(5), lb2: inRotation(3) });
});

test('a director that applied, lost its answer and cannot be asked since is "unknown", never claimed rolled back', async () => {
  hops.lost.dropNextApply({ gone: true });
  const { status, body, error } = await fleetChange({ directors: ['lb1', 'lb2-lost'], change: quiesce });
  assert.equal(status, 409, JSON.stringify(body));
  assert.equal(body.outcome, 'unknown');
  assert.deepEqual(
    body.directors.map((d) => d.state),
    ['rolled-back', 'unknown'],
  );
  const lost = body.directors[1];
  assert.match(lost.reason, /asked since whether it applied: connection refused/);
  assert.match(lost.todo, /^Unknown: lb2-lost applied it or not, this could not be confirmed/);
  assert.equal(lost.undoChangeId, null);
  assert.match(error.message, /Whether lb2-lost applied the change could not be confirmed/);
  assert.doesNotMatch(error.message, /as it was/);
  // lb2 did apply it (its answer was lost): the answer said "unknown", not "rolled back".
  assert.deepEqual(await rs1Both(), { lb1: inRotation(5), lb2: quiesced(3) });
  const records = (await call(agents.lb2, `/api/v1/changes?fleetChange=${body.id}`)).body.items;
  assert.deepEqual(
    records.map((r) => r.action),
    ['quiesce'],
  );
  // What its todo says to do, done on lb2 itself.
  const undo = await call(agents.lb2, `/api/v1/changes/${records[0].id}/revert`, {
    method: 'POST',
    json: {},
  });
  assert.equal(undo.status, 201, JSON.stringify(undo.body));
  assert.deepEqual(await rs1Both(), { lb1: inRotation(5), lb2: inRotation(3) });
});
