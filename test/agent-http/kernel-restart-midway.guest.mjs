// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 12's proof that kill -9 of the agent in the middle
// of a slow-start ramp or of a drain loses neither: two real servers in network namespaces serve HTTP
// (busybox httpd), a NAT service on the VIP (wrr, weights 12 and 5), a client looping through the VIP the
// whole time. The agent is killed by its PID halfway, the kernel table is read while it is gone (nothing
// moves), and a new agent on the same state dir goes on: the ramp ends at its exact target, the drain
// removes its server at the deadline; no client request fails and `ipvsadm -Sn` ends as expected.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { did, ipvsadm, pause, sid, startAgent, waitFor } from './guest-lib.mjs';

const VIP = '10.10.0.100';
const PORT = 8081;
const AGENT_PORT = 18087;
const STATE = '/tmp/agent-state-restart-midway';
const WEIGHTS = [12, 5];
/**
 * Ten steps 10 s apart (shared planRamp): the kill lands after a step, and the new agent (up to a minute to
 * start in the guest on a busy host) usually answers before the end.
 */
const SLOW_START_SECONDS = 100;
const RAMP = [1, 2, 4, 5, 6, 7, 8, 10, 11, 12];
const URL = `http://${VIP}/`;

let agent;
let scenario;
let client;
const httpd = [];

/** probe-loop.mjs in the client namespace: counts of ok, refused, timeout and other errors so far. */
function startProbe() {
  const child = spawn(
    'ip',
    ['netns', 'exec', scenario.clientNetns, 'node', 'test/agent-http/probe-loop.mjs', URL],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const counts = { ok: 0, refused: 0, timeout: 0, error: 0 };
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) counts[line.split(' ')[0]] = (counts[line.split(' ')[0]] ?? 0) + 1;
  });
  return {
    counts,
    warm: (n) => waitFor('client traffic', () => counts.ok >= n, 120_000, 100),
    stop() {
      child.stdin.end();
      return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}

/** Asserts no request was refused or failed since `before` (a copy of counts); timeouts are only reported. */
function assertNoRefusal(before, what) {
  const now = client.counts;
  console.log(
    `${what}: client since the start of the case ${JSON.stringify(Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (before[k] ?? 0)])))}`,
  );
  assert.equal(now.refused - before.refused, 0, `no connection refused (${what})`);
  assert.equal(now.error - before.error, 0, `no request failed otherwise (${what})`);
  assert.ok(now.ok - before.ok > 10, `traffic kept flowing (${what})`);
}

const servicePath = `/services/${sid('tcp', VIP, 80)}`;
const rsPath = (server) => `${servicePath}/destinations/${did(server.address, PORT)}`;

/** busybox httpd on :8081 in the server's namespace, answering "served by <name>". */
function startServer(server) {
  const root = `/tmp/ktest-restart-midway-www/${server.name}`;
  mkdirSync(root, { recursive: true });
  writeFileSync(`${root}/index.html`, `served by ${server.name}\n`);
  const args = ['netns', 'exec', server.netns, 'busybox', 'httpd', '-f', '-p', String(PORT), '-h', root];
  httpd.push(spawn('ip', args, { stdio: 'ignore' }));
}

/** Real servers and their weights as `ipvsadm -Ln` lists them. */
function kernelWeights() {
  const weights = new Map();
  for (const line of ipvsadm('-Ln', '-t', `${VIP}:80`).split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === '->' && fields[1] !== 'RemoteAddress:Port') weights.set(fields[1], Number(fields[3]));
  }
  return weights;
}

const kernelWeight = (server) => kernelWeights().get(`${server.address}:${PORT}`);

async function ok(response, status = 200) {
  if (response.status !== status) assert.fail(`${response.status} !== ${status}: ${await response.text()}`);
  return response.json().catch(() => null);
}

/** kill -9 of the agent's PID; then the kernel is read while no agent runs: nothing may move. */
async function killMidway(what, server) {
  const weight = kernelWeight(server);
  const pid = agent.pid;
  await agent.kill9();
  agent = null;
  const killedAt = Date.now();
  const table = ipvsadm('-Sn');
  await pause(2000);
  assert.equal(ipvsadm('-Sn'), table, `nothing moves in the kernel while no agent runs (${what})`);
  console.log(`${what}: agent ${pid} killed with kill -9 at weight ${weight}`);
  agent = await startAgent({ port: AGENT_PORT, stateDir: STATE, fresh: false });
  console.log(`${what}: a new agent answered ${Date.now() - killedAt} ms after the kill`);
  return weight;
}

before(async () => {
  ipvsadm('-C');
  scenario = createNatScenario(2);
  for (const server of scenario.servers) startServer(server);
  agent = await startAgent({ port: AGENT_PORT, stateDir: STATE });
  const text =
    `-A -t ${VIP}:80 -s wrr\n` +
    scenario.servers.map((s, i) => `-a -t ${VIP}:80 -r ${s.address}:${PORT} -m -w ${WEIGHTS[i]}\n`).join('');
  await ok(await agent.api('/config', { method: 'PUT', text }));
  client = startProbe();
  await client.warm(5);
});

after(async () => {
  await client?.stop();
  for (const child of httpd) child.kill('SIGKILL');
  scenario?.close();
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

test('kill -9 mid-ramp: the new agent resumes the ramp and ends at the exact target, no request fails', async () => {
  const [rs1] = scenario.servers;
  const saved = ipvsadm('-Sn');
  await ok(
    await agent.api(`${servicePath}/policy`, {
      method: 'PUT',
      json: { slowStartSeconds: SLOW_START_SECONDS },
    }),
  );
  await ok(await agent.api(`${rsPath(rs1)}/quiesce`, { method: 'POST', json: {} }));
  assert.equal(kernelWeight(rs1), 0);
  const before = { ...client.counts };
  await ok(await agent.api(`${rsPath(rs1)}/unquiesce`, { method: 'POST', json: {} }));
  // Killed a second after a step (not during one, which would leave an interrupted change to settle).
  await waitFor('rs1 past its first step', () => kernelWeight(rs1) >= 2, 30_000, 100);
  await pause(1000);
  const atKill = await killMidway('ramp', rs1);
  assert.ok(atKill > 0 && atKill < WEIGHTS[0], `killed mid-ramp (weight ${atKill})`);

  const info = await ok(await agent.api('/info'));
  assert.equal(info.interruptedChange, null, 'no change was cut in half');
  const found = info.rampsAtStart.find((r) => r.destination === `${rs1.address}:${PORT}`);
  assert.ok(found && ['resumed', 'finished'].includes(found.outcome), JSON.stringify(info.rampsAtStart));
  assert.equal(found.target, WEIGHTS[0]);
  const seen = [kernelWeight(rs1)];
  await waitFor(
    'rs1 back at its weight 12',
    () => {
      const weight = kernelWeight(rs1);
      if (weight !== seen.at(-1)) seen.push(weight);
      return weight === WEIGHTS[0];
    },
    // The rest of the ramp: a quick restart resumes it early (the whole ramp is SLOW_START_SECONDS long).
    SLOW_START_SECONDS * 1000 + 30_000,
    100,
  );
  console.log(`ramp after the restart (${found.outcome}: ${found.why}): weights ${seen.join(' ')}`);
  for (const weight of seen) assert.ok(RAMP.includes(weight) && weight >= atKill, `a step on: ${seen}`);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i] > seen[i - 1], `rising: ${seen.join(' ')}`);
  assert.equal(ipvsadm('-Sn'), saved, 'ipvsadm -Sn exactly as before the quiesce');
  assert.equal((await ok(await agent.api(rsPath(rs1)))).ramp, undefined, 'no ramp left');
  assertNoRefusal(before, 'ramp');
  await agent.api(`${servicePath}/policy`, { method: 'DELETE' });
});

test('kill -9 mid-drain: the new agent follows the drain and removes the server at its deadline, no request fails', async () => {
  const [rs1, rs2] = scenario.servers;
  const before = { ...client.counts };
  // The client's closed connections stay inactive for TIME_WAIT (2 min): the deadline ends this drain.
  const deadlineSeconds = 60;
  const startedAt = Date.now();
  const started = await ok(
    await agent.api(`${rsPath(rs2)}/drain`, { method: 'POST', json: { then: 'remove', deadlineSeconds } }),
    201,
  );
  assert.equal(kernelWeight(rs2), 0, 'weight 0 at once');
  await pause(3000);
  await killMidway('drain', rs2);
  const answer = await agent.api(`${rsPath(rs2)}/drain`);
  if (answer.status === 200) {
    const progress = await answer.json();
    assert.equal(progress.startedAt, started.drain.startedAt, 'the new agent follows the same drain');
    assert.equal(progress.then, 'remove');
  } else {
    // The new agent took longer to start than the deadline: it ended the drain at its start.
    assert.ok(
      Date.now() - startedAt >= deadlineSeconds * 1000,
      `drain gone before its deadline: ${answer.status}`,
    );
    console.log('drain: its deadline passed while the agent was starting; ended at start');
  }
  await waitFor('rs2 removed', () => kernelWeight(rs2) === undefined, 120_000, 250);
  const seconds = (Date.now() - startedAt) / 1000;
  console.log(
    `drain across a kill -9: rs2 removed ${seconds.toFixed(1)} s after its start (deadline ${deadlineSeconds} s)`,
  );
  assert.ok(seconds >= deadlineSeconds, `not before its deadline (${seconds} s)`);
  assert.equal(
    ipvsadm('-Sn'),
    `-A -t ${VIP}:80 -s wrr\n-a -t ${VIP}:80 -r ${rs1.address}:${PORT} -m -w ${WEIGHTS[0]}\n`,
    'ipvsadm -Sn ends with rs1 alone at its weight',
  );
  const [removal] = (await ok(await agent.api('/changes?limit=1'))).items;
  assert.equal(removal.action, 'drain-remove');
  assert.match(removal.summary, /deadline of 60 s passed/);
  assert.deepEqual(removal.heldOut, [
    { service: `tcp:${VIP}:80`, destination: `${rs2.address}:${PORT}`, weight: WEIGHTS[1] },
  ]);
  await pause(1000);
  assertNoRefusal(before, 'drain');
});
