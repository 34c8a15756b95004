// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 13's proof of a fleet change on the real
// kernel: two directors as two network namespaces, each with its own IPVS table (IPVS tables are per network
// namespace) and its own agent process started inside it with `ip netns exec`; each namespace reaches the
// other over veth pairs to the guest's root namespace (addresses made here, inside the guest). lb1 is started
// with a fleet file naming lb2. A two-director change applies on both (ipvsadm -Sn in each namespace says
// so); one where lb2 refuses at apply (its table moved since the change was planned: a stale If-Match) leaves
// `ipvsadm -Sn` in each namespace byte-identical to before; one that lb2's kernel cannot plan applies nowhere.
// A fleet quiesce puts each kernel's real server at weight 0 under an operator hold remembering the weight
// that director had (7 on lb1, 4 on lb2), which lb2's agent still knows after a restart (its start-up
// reconcile keeps the hold), and the fleet unquiesce gives each its own weight back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { AGENT_NODE_FLAGS, startDaemon } from '../kernel/guest/guest-processes.mjs';
import { forwardBetweenDirectors, makeDirectorNamespace } from './director-namespaces.mjs';
import { TOKEN, waitFor } from './guest-lib.mjs';

const PORT = 8093;
const VIP = '10.20.0.1';
const directors = {
  lb1: { netns: 'fc-lb1', host: '10.77.1.1', address: '10.77.1.2' },
  lb2: { netns: 'fc-lb2', host: '10.77.2.1', address: '10.77.2.2' },
};
const TABLE = [
  `-A -t ${VIP}:80 -s wrr`,
  `-a -t ${VIP}:80 -r 10.20.1.1:80 -m -w 5`,
  `-a -t ${VIP}:80 -r 10.20.1.2:80 -m -w 5`,
];
const FLEET_FILE = '/tmp/fleet-change-fleet.json';
let restoreForwarding = () => undefined;
const agents = {};

const run = (command, ...args) => execFileSync(command, args, { encoding: 'utf8' });
const inNs = (name, command, ...args) => run('ip', 'netns', 'exec', directors[name].netns, command, ...args);
/** The kernel's own word on a director's table: `ipvsadm -Sn` in its namespace. */
const saved = (name) => inNs(name, 'ipvsadm', '-Sn');

/** The built agent inside the director's namespace, on its veth address (kernel backend: its own table). */
async function startDirectorAgent(name, args = [], { keepState = false } = {}) {
  const { netns, address } = directors[name];
  const stateDir = `/tmp/agent-state-fleet-${name}`;
  if (!keepState) rmSync(stateDir, { recursive: true, force: true });
  const argv = [
    ...['netns', 'exec', netns, process.execPath, ...AGENT_NODE_FLAGS, 'apps/agent/dist/main.js'],
    ...['--backend', 'kernel', '--listen', `${address}:${PORT}`, '--token', TOKEN],
    ...['--insecure-listen-reason', 'test rig inside the guest', '--interval', '500ms'],
    ...['--state-dir', stateDir, ...args],
  ];
  const daemon = await startDaemon('ip', argv, (out) => out.includes(`/?token=${TOKEN}`));
  assert.match(daemon.output(), /backend: kernel/);
  const base = `http://${address}:${PORT}/api/v1`;
  agents[name] = {
    daemon,
    async api(path, { method = 'GET', json } = {}) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
      const body = await response.json();
      // A refused fleet change is an error whose details are the whole answer.
      const answer = path.startsWith('/fleet/changes') && body.error?.details ? body.error.details : body;
      return { status: response.status, etag: response.headers.get('etag'), body: answer };
    },
  };
}

/** POST /fleet/changes on lb1; prints how long it took (the guest is slow: a figure, not a limit). */
async function fleetChange(body, query = '') {
  const started = performance.now();
  const answer = await agents.lb1.api(`/fleet/changes${query}`, { method: 'POST', json: body });
  const ms = Math.round(performance.now() - started);
  console.log(
    `fleet change ${query || '(apply)'} on ${body.directors.join(', ')}: ${answer.body.outcome} in ${ms} ms`,
  );
  return answer;
}

before(async () => {
  for (const director of Object.values(directors)) makeDirectorNamespace(director);
  restoreForwarding = forwardBetweenDirectors();
  for (const name of Object.keys(directors)) {
    for (const line of TABLE) inNs(name, 'ipvsadm', ...line.split(' '));
  }
  await startDirectorAgent('lb2');
  writeFileSync(
    FLEET_FILE,
    JSON.stringify({
      self: { name: 'lb1', pair: 'edge' },
      directors: [
        { name: 'lb2', url: `http://${directors.lb2.address}:${PORT}`, token: TOKEN, pair: 'edge' },
      ],
    }),
  );
  await startDirectorAgent('lb1', ['--fleet', FLEET_FILE]);
});

after(async () => {
  for (const agent of Object.values(agents)) assert.equal(await agent.daemon.stop(), 0);
  for (const { netns } of Object.values(directors)) run('ip', 'netns', 'del', netns);
  restoreForwarding();
  rmSync(FLEET_FILE, { force: true });
});

test('each namespace is its own director: two tables, two agents, the fleet sees both', async () => {
  assert.equal(saved('lb1'), saved('lb2'));
  run('ipvsadm', '-Sn'); // the root namespace's table is a third one, untouched here
  // Through lb1's passthrough, with the token from the fleet file (its 10 s deadline suits a slow guest).
  const lb2 = await agents.lb1.api('/fleet/lb2/api/v1/info');
  assert.equal(lb2.status, 200, JSON.stringify(lb2.body));
  assert.equal(lb2.body.backend, 'kernel');
  assert.equal(lb2.body.fleet, null);
  assert.deepEqual((await agents.lb1.api('/info')).body.fleet, { self: 'lb1', peers: 1 });
});

test('a two-director change applies on both kernels, recorded in each audit log under one id', async () => {
  const change = { text: `-e -t ${VIP}:80 -r 10.20.1.1:80 -m -w 7\n-E -t ${VIP}:80 -s wlc\n` };
  const planned = await fleetChange({ directors: ['lb1', 'lb2'], change }, '?dryRun=1');
  assert.equal(planned.body.outcome, 'planned', JSON.stringify(planned.body));
  assert.match(saved('lb1'), /-s wrr/);
  const { status, body } = await fleetChange({ directors: ['lb1', 'lb2'], change });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.outcome, 'applied');
  for (const name of ['lb1', 'lb2']) {
    const text = saved(name);
    assert.match(text, new RegExp(`-A -t ${VIP.replaceAll('.', '\\.')}:80 -s wlc`), `${name}:\n${text}`);
    assert.match(text, /-r 10\.20\.1\.1:80 -m -w 7/, `${name}:\n${text}`);
    assert.match(text, /-r 10\.20\.1\.2:80 -m -w 5/, `${name}:\n${text}`);
    const records = (await agents[name].api(`/changes?fleetChange=${body.id}`)).body.items;
    assert.deepEqual(
      records.map((r) => [r.action, r.status, r.fleetChange]),
      [['merge', 'applied', body.id]],
    );
  }
});

test('lb2 refuses at apply (its table moved since the plan): lb1 is rolled back, ipvsadm -Sn byte-identical in both', async () => {
  const stale = (await agents.lb2.api('/services')).etag;
  // Someone changes lb2 with ipvsadm after the operator planned: the change's If-Match for lb2 is stale.
  inNs('lb2', 'ipvsadm', '-e', '-t', `${VIP}:80`, '-r', '10.20.1.2:80', '-m', '-w', '6');
  await waitFor(
    'lb2 to see the ipvsadm change',
    async () => (await agents.lb2.api('/services')).etag !== stale,
    15_000,
  );
  const before = { lb1: saved('lb1'), lb2: saved('lb2') };
  const change = {
    text: `-e -t ${VIP}:80 -r 10.20.1.1:80 -m -w 9\n-E -t ${VIP}:80 -s rr\n-a -t ${VIP}:80 -r 10.20.1.3:80 -m -w 2\n`,
  };
  const { status, body } = await fleetChange({ directors: ['lb1', 'lb2'], change, ifMatch: { lb2: stale } });
  assert.equal(status, 409, JSON.stringify(body));
  assert.equal(body.outcome, 'rolled-back');
  const [lb1, lb2] = body.directors;
  assert.deepEqual([lb1.state, lb2.state], ['rolled-back', 'refused']);
  assert.match(lb2.reason, /changed since/);
  assert.equal(saved('lb1'), before.lb1);
  assert.equal(saved('lb2'), before.lb2);
  const lb1Records = (await agents.lb1.api(`/changes?fleetChange=${body.id}`)).body.items;
  assert.deepEqual(
    lb1Records.map((r) => [r.action, r.status]),
    [
      ['revert', 'applied'],
      ['merge', 'applied'],
    ],
  );
});

test("a scheduler the kernel has no module for is refused in each director's plan; nothing applied", async () => {
  const before = { lb1: saved('lb1'), lb2: saved('lb2') };
  const change = { text: `-E -t ${VIP}:80 -s twos\n` };
  const { status, body } = await fleetChange({ directors: ['lb1', 'lb2'], change });
  assert.equal(status, 409, JSON.stringify(body));
  assert.equal(body.outcome, 'refused');
  for (const director of body.directors) {
    assert.equal(director.state, 'refused');
    assert.match(director.problems.join(' '), /twos/);
  }
  assert.equal(saved('lb1'), before.lb1);
  assert.equal(saved('lb2'), before.lb2);
});

test('a fleet quiesce sets weight 0 in both kernels under holds; the fleet unquiesce gives each its own weight back', async () => {
  // lb2's real server gets another weight than lb1's (with ipvsadm, as an operator would).
  const seen = (await agents.lb2.api('/services')).etag;
  inNs('lb2', 'ipvsadm', '-e', '-t', `${VIP}:80`, '-r', '10.20.1.1:80', '-m', '-w', '4');
  await waitFor('lb2 to see weight 4', async () => (await agents.lb2.api('/services')).etag !== seen, 15_000);
  const before = { lb1: saved('lb1'), lb2: saved('lb2') };
  assert.match(before.lb1, /-r 10\.20\.1\.1:80 -m -w 7/);
  assert.match(before.lb2, /-r 10\.20\.1\.1:80 -m -w 4/);
  const quiesce = { kind: 'quiesce', service: `tcp:${VIP}:80`, server: '10.20.1.1:80' };
  const planned = await fleetChange({ directors: ['lb1', 'lb2'], change: quiesce }, '?dryRun=1');
  assert.equal(planned.body.outcome, 'planned', JSON.stringify(planned.body));
  assert.deepEqual([saved('lb1'), saved('lb2')], [before.lb1, before.lb2]);

  const quiesced = await fleetChange({ directors: ['lb1', 'lb2'], change: quiesce });
  assert.equal(quiesced.status, 200, JSON.stringify(quiesced.body));
  const rs = `/services/${encodeURIComponent(`tcp:${VIP}:80`)}/destinations/${encodeURIComponent('10.20.1.1:80')}`;
  for (const [name, weight] of [
    ['lb1', 7],
    ['lb2', 4],
  ]) {
    const text = saved(name);
    assert.match(text, /-r 10\.20\.1\.1:80 -m -w 0/, `${name}:\n${text}`);
    assert.equal(text, before[name].replace(`-r 10.20.1.1:80 -m -w ${weight}`, '-r 10.20.1.1:80 -m -w 0'));
    const row = (await agents[name].api(rs)).body;
    assert.deepEqual(
      row.holds.map((hold) => hold.kind),
      ['operator'],
    );
    const remembered = (await agents[name].api('/quiesced')).body;
    assert.deepEqual(
      remembered.map((held) => [held.destination, held.weight]),
      [['10.20.1.1:80', weight]],
    );
  }

  // lb2's agent restarts (the kernel keeps its table): its start-up reconcile keeps the hold, not "unheld".
  assert.equal(await agents.lb2.daemon.stop(), 0);
  await startDirectorAgent('lb2', [], { keepState: true });
  const atStart = (await agents.lb2.api('/info')).body.holdsAtStart;
  assert.deepEqual(
    atStart.kept.map((held) => [held.destination, held.holds.map((hold) => hold.kind)]),
    [['10.20.1.1:80', ['operator']]],
    JSON.stringify(atStart),
  );
  assert.deepEqual(atStart.unheld, []);

  const unquiesce = { ...quiesce, kind: 'unquiesce' };
  const back = await fleetChange({ directors: ['lb1', 'lb2'], change: unquiesce });
  assert.equal(back.status, 200, JSON.stringify(back.body));
  assert.equal(saved('lb1'), before.lb1);
  assert.equal(saved('lb2'), before.lb2);
  for (const name of ['lb1', 'lb2']) {
    const records = (await agents[name].api(`/changes?fleetChange=${back.body.id}`)).body.items;
    assert.deepEqual(
      records.map((r) => [r.action, r.status]),
      [['unquiesce', 'applied']],
    );
  }
});
