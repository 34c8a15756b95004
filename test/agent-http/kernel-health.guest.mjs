// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 12's proof of health checks and holds on the
// real kernel: two real servers in network namespaces serve HTTP (busybox httpd on :8081, started here so
// this file can stop and start them by their PID), a NAT service on the VIP, an HTTP check on the service.
// Stopping one server: within fall x interval (+ slack) `ipvsadm -Sn` shows it at weight 0 and its kernel
// counter stops while a client keeps connecting; starting it: after rise it is back at its exact weight.
// Operator and health holds in both orders; an agent restart with holds active changes nothing in the kernel.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { did, ipvsadm, pause, sid, startAgent, startClientLoop, waitFor } from './guest-lib.mjs';

const VIP = '10.10.0.100';
const PORT = 8081;
const STATE = '/tmp/agent-state-health';
// The guest is slow (user-mode Linux on a shared machine): a shorter timeout took the healthy server out too.
const CHECK = { kind: 'http', intervalSeconds: 1, timeoutSeconds: 1, rise: 2, fall: 3, path: '/' };
/**
 * On top of fall x interval: the change's journal, apply and log, and the guest's slowness (user-mode Linux on
 * a shared 2-core machine, where every process spawn costs tens of ms, this file's ipvsadm polling too). The
 * figures are printed each run.
 */
const SLACK_MS = 5000;
const WEIGHTS = [3, 5];

let agent;
let scenario;
const httpd = new Map();

/** busybox httpd on :8081 in the server's namespace; returns its PID (`ip netns exec` execs it). */
function startServer(server) {
  const root = `/tmp/ktest-health-www/${server.name}`;
  mkdirSync(root, { recursive: true });
  writeFileSync(`${root}/index.html`, `served by ${server.name}\n`);
  const child = spawn(
    'ip',
    ['netns', 'exec', server.netns, 'busybox', 'httpd', '-f', '-p', String(PORT), '-h', root],
    {
      stdio: 'ignore',
    },
  );
  child.unref();
  httpd.set(server.name, child);
  return child.pid;
}

function stopServer(server) {
  const child = httpd.get(server.name);
  assert.ok(child, `${server.name} is running`);
  httpd.delete(server.name);
  child.kill('SIGKILL');
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
}

const rsPath = (server) => `/services/${sid('tcp', VIP, 80)}/destinations/${did(server.address, PORT)}`;

/** The weight `ipvsadm -Sn` shows for a real server (the kernel's word, not the agent's). */
function kernelWeight(server) {
  const line = ipvsadm('-Sn')
    .split('\n')
    .find((l) => l.includes(`-r ${server.address}:${PORT} `));
  return Number(/-w (\d+)/.exec(line ?? '')?.[1] ?? NaN);
}

/** The kernel's connection counter of a real server (ipvsadm -Ln --stats --exact). */
function kernelConns(server) {
  const line = ipvsadm('-Ln', '--stats', '--exact', '-t', `${VIP}:80`)
    .split('\n')
    .find((l) => l.includes(`${server.address}:${PORT}`));
  return Number(line?.trim().split(/\s+/)[2] ?? NaN);
}

async function read(server) {
  return (await agent.api(rsPath(server))).json();
}

before(async () => {
  ipvsadm('-C');
  scenario = createNatScenario(2);
  for (const server of scenario.servers) startServer(server);
  agent = await startAgent({ port: 18086, stateDir: STATE });
  const text =
    `-A -t ${VIP}:80 -s rr\n` +
    scenario.servers.map((s, i) => `-a -t ${VIP}:80 -r ${s.address}:${PORT} -m -w ${WEIGHTS[i]}\n`).join('');
  const created = await agent.api('/config', { method: 'PUT', text });
  assert.equal(created.status, 200, await created.text());
  const checked = await agent.api(`/services/${sid('tcp', VIP, 80)}/check`, { method: 'PUT', json: CHECK });
  assert.equal(checked.status, 200, await checked.text());
  for (const server of scenario.servers) {
    await waitFor(`${server.name} up`, async () => (await read(server)).health?.state === 'up', 15_000);
  }
});

after(async () => {
  for (const server of scenario?.servers ?? []) if (httpd.has(server.name)) await stopServer(server);
  scenario?.close();
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

test('a stopped server leaves rotation within fall x interval and comes back at its exact weight after rise', async () => {
  const [rs1] = scenario.servers;
  const saved = ipvsadm('-Sn');
  const client = startClientLoop(scenario.clientNetns, [`http://${VIP}/`], 1);
  try {
    await client.warm(5);
    const stoppedAt = Date.now();
    await stopServer(rs1);
    await waitFor('rs1 at weight 0 in the kernel', () => kernelWeight(rs1) === 0, 20_000, 250);
    const downMs = Date.now() - stoppedAt;
    const url = `http://${VIP}/`;
    // The kernel folds its per-CPU counters into the ones it reports every 2 s (ip_vs_est.c): the baseline is
    // read once that has caught up with the connections made before it went out. Requests under way then may
    // still fail; after it none may, and the client goes on (its output also needs time to arrive: ipvsadm
    // runs synchronously here).
    await pause(2500);
    const conns = kernelConns(rs1);
    const failedOnceOut = client.counts[url].failed;
    const okOnceOut = client.counts[url].ok;
    await pause(4000);
    assert.equal(kernelConns(rs1), conns, 'no new connection reached the stopped server once it was out');
    assert.equal(
      client.counts[url].failed,
      failedOnceOut,
      'no client request failed once the server was out',
    );
    assert.ok(client.counts[url].ok > okOnceOut, 'the client kept getting answers from the other server');
    const held = await read(rs1);
    assert.equal(held.health.state, 'down');
    assert.deepEqual(
      held.holds.map((h) => h.kind),
      ['health'],
    );
    assert.match(held.holds[0].reason, /connect refused|connection reset/);
    const startedAt = Date.now();
    startServer(rs1);
    await waitFor('rs1 back at its weight', () => kernelWeight(rs1) === WEIGHTS[0], 20_000, 250);
    const upMs = Date.now() - startedAt;
    const counts = await client.stop();
    console.log(
      `health on the real kernel: down detected in ${downMs} ms (fall x interval = ${CHECK.fall * CHECK.intervalSeconds * 1000} ms), back in ${upMs} ms (rise x interval = ${CHECK.rise * CHECK.intervalSeconds * 1000} ms); client ${JSON.stringify({ ok: counts[`http://${VIP}/`].ok, failed: counts[`http://${VIP}/`].failed })}`,
    );
    assert.ok(downMs <= CHECK.fall * CHECK.intervalSeconds * 1000 + SLACK_MS, `down after ${downMs} ms`);
    assert.ok(upMs <= CHECK.rise * CHECK.intervalSeconds * 1000 + SLACK_MS, `up after ${upMs} ms`);
    assert.equal(ipvsadm('-Sn'), saved, 'ipvsadm -Sn exactly as before');
    const changes = (await (await agent.api('/changes?limit=2')).json()).items;
    assert.deepEqual(
      changes.map((c) => [c.action, c.actor.type]),
      [
        ['health-up', 'health-check'],
        ['health-down', 'health-check'],
      ],
    );
  } finally {
    await client.stop().catch(() => undefined);
    console.log(
      agent
        .output()
        .split('\n')
        .filter((line) => line.includes('health'))
        .join('\n'),
    );
    if (!httpd.has(rs1.name)) {
      startServer(rs1);
      await waitFor('rs1 back after a failure', () => kernelWeight(rs1) === WEIGHTS[0], 20_000, 250);
    }
  }
});

test('operator and health holds: the server returns only when both let go, in either order', async () => {
  const [rs1] = scenario.servers;
  const saved = ipvsadm('-Sn');
  // Operator, then health; health lets go first.
  assert.equal((await agent.api(`${rsPath(rs1)}/quiesce`, { method: 'POST', json: {} })).status, 200);
  assert.equal(kernelWeight(rs1), 0);
  await stopServer(rs1);
  await waitFor(
    'a health hold beside the operator one',
    async () => (await read(rs1)).holds.length === 2,
    20_000,
  );
  startServer(rs1);
  await waitFor('health back up', async () => (await read(rs1)).health.state === 'up', 20_000);
  await pause(1000);
  assert.equal(kernelWeight(rs1), 0, "a passing check does not undo the operator's quiesce");
  assert.equal((await agent.api(`${rsPath(rs1)}/unquiesce`, { method: 'POST', json: {} })).status, 200);
  assert.equal(kernelWeight(rs1), WEIGHTS[0]);
  // Health, then operator; the operator lets go first: refused, nothing changes; health's rise brings it back.
  await stopServer(rs1);
  await waitFor('rs1 out by health', () => kernelWeight(rs1) === 0, 20_000, 20);
  assert.equal((await agent.api(`${rsPath(rs1)}/quiesce`, { method: 'POST', json: {} })).status, 200);
  const before = ipvsadm('-Sn');
  const refused = await agent.api(`${rsPath(rs1)}/unquiesce`, { method: 'POST', json: {} });
  assert.equal(refused.status, 409);
  assert.equal((await refused.json()).error.code, 'HELD_BY_HEALTH');
  assert.equal(ipvsadm('-Sn'), before, 'the refused unquiesce changed nothing');
  startServer(rs1);
  await waitFor(
    'health up, operator hold left',
    async () => {
      const d = await read(rs1);
      return d.health.state === 'up' && d.holds.length === 1 && d.holds[0].kind === 'operator';
    },
    20_000,
  );
  assert.equal(kernelWeight(rs1), 0, 'still out: the operator holds it');
  assert.equal((await agent.api(`${rsPath(rs1)}/unquiesce`, { method: 'POST', json: {} })).status, 200);
  assert.equal(ipvsadm('-Sn'), saved, 'ipvsadm -Sn exactly as before');
});

test('an agent restart with holds active changes nothing in the kernel and keeps every hold', async () => {
  const [rs1, rs2] = scenario.servers;
  const saved = ipvsadm('-Sn');
  await stopServer(rs1);
  await waitFor('rs1 out by health', () => kernelWeight(rs1) === 0, 20_000, 20);
  assert.equal((await agent.api(`${rsPath(rs2)}/quiesce`, { method: 'POST', json: {} })).status, 200);
  const held = ipvsadm('-Sn');
  assert.equal(await agent.stop(), 0);
  const readings = [];
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      readings.push(ipvsadm('-Sn'));
      await pause(100);
    }
  })();
  agent = await startAgent({ port: 18086, stateDir: STATE, fresh: false });
  const info = await (await agent.api('/info')).json();
  // Long enough for the restarted checks to run fall times and more.
  await pause(CHECK.fall * CHECK.intervalSeconds * 1000 + 2000);
  watching = false;
  await watcher;
  assert.ok(readings.length > 20, `the kernel was read ${readings.length} times`);
  assert.deepEqual([...new Set(readings)], [held], 'the kernel table never changed across the restart');
  assert.deepEqual(info.holdsAtStart.kept.map((r) => [r.destination, r.holds.map((h) => h.kind)]).sort(), [
    [`${rs1.address}:${PORT}`, ['health']],
    [`${rs2.address}:${PORT}`, ['operator']],
  ]);
  assert.deepEqual(info.holdsAtStart.unheld, []);
  assert.match(agent.output(), /holds at start: 2 real server\(s\) still held/);
  startServer(rs1);
  await waitFor('rs1 back', () => kernelWeight(rs1) === WEIGHTS[0], 20_000, 20);
  assert.equal((await agent.api(`${rsPath(rs2)}/unquiesce`, { method: 'POST', json: {} })).status, 200);
  assert.equal(ipvsadm('-Sn'), saved, 'ipvsadm -Sn exactly as before');
});
