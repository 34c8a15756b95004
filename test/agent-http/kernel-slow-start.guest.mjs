// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 12's proof of slow start and the sorry server on
// the real kernel: two real servers and a sorry server in network namespaces serve HTTP (busybox httpd on
// :8081, started here so this file can stop and start them), a NAT service on the VIP with an HTTP check and
// a policy {slowStartSeconds, sorryServer}. With a client looping through the VIP: a health-held server that
// comes back rises in steps (its weight read with `ipvsadm -Ln` while it ramps) to exactly its previous
// weight, with one change record for the ramp and the ramp's steps in the agent's history (GET /history
// weights); when every real server is down the sorry server is in the
// kernel (and answers the client), and it goes once one real server is back.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { did, ipvsadm, pause, sid, startAgent, startClientLoop, waitFor } from './guest-lib.mjs';

const VIP = '10.10.0.100';
const PORT = 8081;
const STATE = '/tmp/agent-state-slow-start';
const CHECK = { kind: 'http', intervalSeconds: 1, timeoutSeconds: 1, rise: 2, fall: 2, path: '/' };
/**
 * 20 s to weight 12: ten steps 2.2 s apart (shared planRamp). Long enough that ipvsadm, slow to start in the
 * guest on a loaded host, reads most steps.
 */
const SLOW_START_SECONDS = 20;
const WEIGHTS = [12, 5];
const RAMP = [1, 2, 4, 5, 6, 7, 8, 10, 11, 12];

let agent;
let scenario;
const httpd = new Map();

/** busybox httpd on :8081 in the server's namespace, answering "served by <name>". */
function startServer(server) {
  const root = `/tmp/ktest-slow-start-www/${server.name}`;
  mkdirSync(root, { recursive: true });
  writeFileSync(`${root}/index.html`, `served by ${server.name}\n`);
  const args = ['netns', 'exec', server.netns, 'busybox', 'httpd', '-f', '-p', String(PORT), '-h', root];
  const child = spawn('ip', args, { stdio: 'ignore' });
  child.unref();
  httpd.set(server.name, child);
}

function stopServer(server) {
  const child = httpd.get(server.name);
  assert.ok(child, `${server.name} is running`);
  httpd.delete(server.name);
  child.kill('SIGKILL');
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
}

const servicePath = `/services/${sid('tcp', VIP, 80)}`;
const rsPath = (server) => `${servicePath}/destinations/${did(server.address, PORT)}`;

/** Real servers and their weights as `ipvsadm -Ln` lists them ("  -> 10.10.2.2:8081  Masq  12  0  0"). */
function kernelWeights() {
  const weights = new Map();
  for (const line of ipvsadm('-Ln', '-t', `${VIP}:80`).split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === '->' && fields[1] !== 'RemoteAddress:Port') weights.set(fields[1], Number(fields[3]));
  }
  return weights;
}

const kernelWeight = (server) => kernelWeights().get(`${server.address}:${PORT}`);

/** The kernel's connection counter of a real server (ipvsadm -Ln --stats --exact). */
function kernelConns(server) {
  const line = ipvsadm('-Ln', '--stats', '--exact', '-t', `${VIP}:80`)
    .split('\n')
    .find((l) => l.includes(`${server.address}:${PORT}`));
  return Number(line?.trim().split(/\s+/)[2] ?? NaN);
}

/** One request through the VIP from the client namespace: the body says which server answered. */
function answerFromClient() {
  try {
    return execFileSync(
      'ip',
      [
        'netns',
        'exec',
        scenario.clientNetns,
        'busybox',
        'timeout',
        '2',
        'busybox',
        'wget',
        '-q',
        '-O',
        '-',
        `http://${VIP}/`,
      ],
      { encoding: 'utf8' },
    ).trim();
  } catch {
    return '';
  }
}

async function read(server) {
  return (await agent.api(rsPath(server))).json();
}

before(async () => {
  ipvsadm('-C');
  scenario = createNatScenario(3);
  for (const server of scenario.servers) startServer(server);
  agent = await startAgent({ port: 18087, stateDir: STATE });
  const [rs1, rs2] = scenario.servers;
  const text =
    `-A -t ${VIP}:80 -s wrr\n` +
    [rs1, rs2].map((s, i) => `-a -t ${VIP}:80 -r ${s.address}:${PORT} -m -w ${WEIGHTS[i]}\n`).join('');
  const created = await agent.api('/config', { method: 'PUT', text });
  assert.equal(created.status, 200, await created.text());
  const checked = await agent.api(`${servicePath}/check`, { method: 'PUT', json: CHECK });
  assert.equal(checked.status, 200, await checked.text());
  for (const server of [rs1, rs2]) {
    await waitFor(`${server.name} up`, async () => (await read(server)).health?.state === 'up', 15_000);
  }
});

after(async () => {
  for (const server of scenario?.servers ?? []) if (httpd.has(server.name)) await stopServer(server);
  scenario?.close();
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

test('a health-held server comes back in steps to its exact weight, recorded once', async () => {
  const [rs1] = scenario.servers;
  const policy = await agent.api(`${servicePath}/policy`, {
    method: 'PUT',
    json: { slowStartSeconds: SLOW_START_SECONDS },
  });
  assert.equal(policy.status, 200, await policy.text());
  const saved = ipvsadm('-Sn');
  const client = startClientLoop(scenario.clientNetns, [`http://${VIP}/`], 1);
  try {
    await client.warm(5);
    await stopServer(rs1);
    await waitFor('rs1 at weight 0 in the kernel', () => kernelWeight(rs1) === 0, 20_000, 250);
    // Requests under way when it went out may still fail; none may from here on (the kernel's counters are
    // folded every 2 s, so the baseline of rs1's connections is read after that).
    await pause(2500);
    const url = `http://${VIP}/`;
    const failedBefore = client.counts[url].failed;
    const connsBefore = kernelConns(rs1);
    startServer(rs1);
    // Every weight the kernel shows from its return until it is back at its weight, read about every 100 ms.
    const seen = [];
    const startedAt = Date.now();
    let reportedRamp = null;
    await waitFor(
      'rs1 back at its weight 12',
      async () => {
        const weight = kernelWeight(rs1);
        if (weight !== seen.at(-1)) seen.push(weight);
        if (weight > 0 && weight < WEIGHTS[0] && reportedRamp === null) reportedRamp = (await read(rs1)).ramp;
        return weight === WEIGHTS[0];
      },
      60_000,
      100,
    );
    const rampMs = Date.now() - startedAt;
    await pause(1500);
    const counts = await client.stop();
    console.log(
      `slow start on the real kernel: weights seen with ipvsadm -Ln ${seen.join(' ')} over ${rampMs} ms (planned ${RAMP.join(' ')} over ${SLOW_START_SECONDS} s); client ${JSON.stringify(counts[`http://${VIP}/`])}`,
    );
    const rising = seen.filter((w) => w > 0);
    assert.ok(rising.length >= 4, `the weight rose in steps: ${seen.join(' ')}`);
    assert.ok(rising[0] < WEIGHTS[0] / 2, `it started low: ${rising[0]}`);
    for (const weight of rising) assert.ok(RAMP.includes(weight), `${weight} is a step of the plan`);
    for (let i = 1; i < rising.length; i++) assert.ok(rising[i] > rising[i - 1], `rising: ${seen.join(' ')}`);
    assert.equal(kernelWeight(rs1), WEIGHTS[0], 'exactly its previous weight');
    assert.equal(ipvsadm('-Sn'), saved, 'ipvsadm -Sn exactly as before');
    assert.deepEqual(reportedRamp && { target: reportedRamp.target }, { target: WEIGHTS[0] });
    assert.equal((await read(rs1)).ramp, undefined, 'no ramp once it is over');
    assert.equal(counts[url].failed, failedBefore, 'no client request failed while it came back');
    assert.ok(kernelConns(rs1) > connsBefore, 'rs1 took connections again while it ramped');

    const changes = (await (await agent.api('/changes?limit=3')).json()).items;
    assert.deepEqual(
      changes.slice(0, 2).map((c) => [c.action, c.actor.type]),
      [
        ['health-up', 'health-check'],
        ['health-down', 'health-check'],
      ],
      'one record for the whole ramp',
    );
    const ramp = changes[0];
    assert.deepEqual(
      ramp.commands,
      RAMP.map((w) => `ipvsadm -e -t ${VIP}:80 -r ${rs1.address}:${PORT} -m -w ${w}`),
    );
    assert.deepEqual(ramp.inverse, [`ipvsadm -e -t ${VIP}:80 -r ${rs1.address}:${PORT} -m -w 0`]);

    // The agent's history kept the kernel's weights as steps (what the service page's weight chart draws after
    // a reload): 12, the hold's 0, then the ramp's steps, each a step of the plan, rising to exactly 12. (The
    // steps before may hold more: the check set in before() may take the server out until its first verdict.)
    const history = await (await agent.api(`/history?service=${sid('tcp', VIP, 80)}`)).json();
    const series = history.services[0].destinations.find((d) => d.id === `${rs1.address}:${PORT}`);
    const steps = series.weights.map((step) => step.weight);
    console.log(`weight steps in the agent's history: ${steps.join(' ')}`);
    assert.equal(steps[0], WEIGHTS[0], `it starts at 12: ${steps.join(' ')}`);
    const held = steps.lastIndexOf(0);
    assert.equal(steps[held - 1], WEIGHTS[0], `12, then 0 while held: ${steps.join(' ')}`);
    const historyRamp = steps.slice(held + 1);
    assert.equal(historyRamp.at(-1), WEIGHTS[0], `the history ends at exactly 12: ${steps.join(' ')}`);
    assert.ok(historyRamp.length >= 6, `the history holds the ramp's steps: ${steps.join(' ')}`);
    for (const weight of historyRamp) assert.ok(RAMP.includes(weight), `${weight} is a step of the plan`);
    for (let i = 1; i < historyRamp.length; i++) {
      assert.ok(historyRamp[i] > historyRamp[i - 1], `rising in the history: ${steps.join(' ')}`);
    }
    const ats = series.weights.map((step) => step.at);
    assert.ok(
      ats.every((at, i) => i === 0 || at > ats[i - 1]),
      `steps in time order: ${ats.join(' ')}`,
    );
    assert.equal(ats[0], series.points[0].at, 'the first step lines up with the first point');
  } finally {
    await client.stop().catch(() => undefined);
    if (!httpd.has(rs1.name)) startServer(rs1);
  }
});

test('the sorry server is in the kernel while every real server is down, and goes when one returns', async () => {
  const [rs1, rs2, sorry] = scenario.servers;
  const policy = await agent.api(`${servicePath}/policy`, {
    method: 'PUT',
    json: { slowStartSeconds: 2, sorryServer: { address: sorry.address, port: PORT, forwarding: 'masq' } },
  });
  assert.equal(policy.status, 200, await policy.text());
  const sorryKey = `${sorry.address}:${PORT}`;
  assert.equal(kernelWeights().has(sorryKey), false, 'no sorry server while the real servers are up');
  await waitFor('both up', async () => (await read(rs1)).health.state === 'up', 20_000, 250);
  await stopServer(rs1);
  await waitFor('rs1 out', () => kernelWeight(rs1) === 0, 20_000, 250);
  assert.equal(kernelWeights().has(sorryKey), false, 'one real server is still up');
  const downAt = Date.now();
  await stopServer(rs2);
  await waitFor('the sorry server in the kernel', () => kernelWeights().get(sorryKey) === 1, 20_000, 250);
  console.log(`sorry server in the kernel ${Date.now() - downAt} ms after the last real server was stopped`);
  assert.equal(kernelWeight(rs1), 0);
  assert.equal(kernelWeight(rs2), 0);
  assert.equal(answerFromClient(), `served by ${sorry.name}`, 'the client is answered by the sorry server');
  const standIn = await read({ address: sorry.address });
  assert.equal(standIn.sorryServer, true);
  assert.equal(standIn.health.state, 'disabled', 'the sorry server is not checked');

  startServer(rs2);
  const upAt = Date.now();
  await waitFor('the sorry server gone', () => !kernelWeights().has(sorryKey), 20_000, 250);
  console.log(`sorry server gone ${Date.now() - upAt} ms after a real server was started again`);
  assert.ok(kernelWeight(rs2) > 0, 'rs2 is back (ramping)');
  await waitFor('rs2 at its weight', () => kernelWeight(rs2) === WEIGHTS[1], 20_000, 250);
  assert.match(answerFromClient(), new RegExp(`served by ${rs2.name}`));
  const changes = (await (await agent.api('/changes?limit=20')).json()).items;
  const sorryChanges = changes.filter((c) => c.action.startsWith('sorry-server'));
  assert.deepEqual(
    sorryChanges.map((c) => [c.action, c.actor.type, c.commands]),
    [
      ['sorry-server-off', 'agent', [`ipvsadm -d -t ${VIP}:80 -r ${sorryKey}`]],
      ['sorry-server-on', 'agent', [`ipvsadm -a -t ${VIP}:80 -r ${sorryKey} -m -w 1`]],
    ],
  );
  startServer(rs1);
  await waitFor('rs1 back', () => kernelWeight(rs1) === WEIGHTS[0], 30_000, 250);
});
