// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 12's comparison with the peer operators run
// today: Debian's keepalived and the agent check the same two real servers (busybox httpd on :8081 in
// network namespaces) with the same TCP check, each owning its own virtual server in the same kernel:
//   agent      10.10.0.100:80  tcp check, interval 1 s, timeout 1 s, fall 2, rise 1
//   keepalived 10.10.0.101:80  TCP_CHECK delay_loop 1, connect_timeout 1, retry 1, delay_before_retry 1,
//                              inhibit_on_failure (weight 0 on failure, as the agent's hold does)
// One server is stopped and started again several times; one `ipvsadm -Sn` every 100 ms reads both virtual
// servers at the same instant, so each round gives both detection times from the same clock. The agent must
// take the server out no later than keepalived by more than its journal flush (mean over the rounds, within
// what the checks' random phases allow) and put it back at its exact weight.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { ipvsadm, pause, sid, startAgent, waitFor } from './guest-lib.mjs';

const OURS = '10.10.0.100';
const THEIRS = '10.10.0.101';
const PORT = 8081;
const WEIGHT = 4;
const ROUNDS = 12;
const POLL_MS = 50;
const CHECK = { kind: 'tcp', intervalSeconds: 1, timeoutSeconds: 1, rise: 1, fall: 2 };
const CONFIG = '/tmp/keepalived-compare.conf';

let agent;
let scenario;
let keepalived;
let keepalivedOutput = '';
const httpd = new Map();

function startServer(server) {
  const root = `/tmp/ktest-compare-www/${server.name}`;
  mkdirSync(root, { recursive: true });
  writeFileSync(`${root}/index.html`, `served by ${server.name}\n`);
  const child = spawn(
    'ip',
    ['netns', 'exec', server.netns, 'busybox', 'httpd', '-f', '-p', String(PORT), '-h', root],
    { stdio: 'ignore' },
  );
  httpd.set(server.name, child);
}

function stopServer(server) {
  const child = httpd.get(server.name);
  httpd.delete(server.name);
  child.kill('SIGKILL');
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
}

function keepalivedConfig(servers) {
  const real = (s) => `    real_server ${s.address} ${PORT} {
        weight ${WEIGHT}
        inhibit_on_failure
        TCP_CHECK {
            connect_timeout 1
            retry 1
            delay_before_retry 1
        }
    }`;
  return `global_defs {
    router_id compare
}
virtual_server ${THEIRS} 80 {
    delay_loop 1
    lb_algo rr
    lb_kind NAT
    protocol TCP
${servers.map(real).join('\n')}
}
`;
}

const hex = (address, port) =>
  address
    .split('.')
    .map((octet) => Number(octet).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase() + `:${port.toString(16).padStart(4, '0').toUpperCase()}`;

/**
 * rs's weight under each virtual server, from one read of /proc/net/ip_vs (one instant for both, and cheap:
 * spawning ipvsadm costs hundreds of ms in the guest, which made the readings coarser than the checks).
 */
function weights(server) {
  const text = readFileSync('/proc/net/ip_vs', 'utf8');
  const weightUnder = (vip) => {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`TCP  ${hex(vip, 80)} `));
    for (let i = start + 1; start >= 0 && lines[i]?.startsWith('  ->'); i++) {
      const [, address, , weight] = lines[i].trim().split(/\s+/);
      if (address === hex(server.address, PORT)) return Number(weight);
    }
    return Number.NaN;
  };
  return { ours: weightUnder(OURS), theirs: weightUnder(THEIRS) };
}

/** Polls until both virtual servers show `target` for rs; returns when each first did (ms after `from`). */
async function timesUntil(server, target, from, timeoutMs = 20_000) {
  const seen = { ours: null, theirs: null };
  while (seen.ours === null || seen.theirs === null) {
    const now = weights(server);
    const at = Date.now() - from;
    if (seen.ours === null && now.ours === target) seen.ours = at;
    if (seen.theirs === null && now.theirs === target) seen.theirs = at;
    if (at > timeoutMs) throw new Error(`weight ${target} not reached: ${JSON.stringify({ seen, now })}`);
    await pause(POLL_MS);
  }
  return seen;
}

before(async () => {
  ipvsadm('-C');
  scenario = createNatScenario(2);
  for (const server of scenario.servers) startServer(server);
  agent = await startAgent({ port: 18090, stateDir: '/tmp/agent-state-compare' });
  const text =
    `-A -t ${OURS}:80 -s rr\n` +
    scenario.servers.map((s) => `-a -t ${OURS}:80 -r ${s.address}:${PORT} -m -w ${WEIGHT}\n`).join('');
  const created = await agent.api('/config', { method: 'PUT', text });
  assert.equal(created.status, 200, await created.text());
  const checked = await agent.api(`/services/${sid('tcp', OURS, 80)}/check`, { method: 'PUT', json: CHECK });
  assert.equal(checked.status, 200, await checked.text());
  writeFileSync(CONFIG, keepalivedConfig(scenario.servers));
  // Checkers only (--check): the VRRP part needs a real interface and plays no part in health checks.
  keepalived = spawn(
    'keepalived',
    [
      '--dont-fork',
      '--log-console',
      '--check',
      '--use-file',
      CONFIG,
      '--pid',
      '/tmp/ka-compare.pid',
      '--checkers_pid',
      '/tmp/ka-compare-checkers.pid',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  keepalived.stdout.on('data', (chunk) => (keepalivedOutput += chunk));
  keepalived.stderr.on('data', (chunk) => (keepalivedOutput += chunk));
  await waitFor(
    'keepalived to create its virtual server',
    () => ipvsadm('-Sn').includes(`-A -t ${THEIRS}:80`),
    15_000,
  ).catch((error) => {
    throw new Error(`${error.message}; keepalived said:\n${keepalivedOutput}`);
  });
  for (const server of scenario.servers) {
    await waitFor(
      `${server.name} in rotation under both`,
      () => {
        const now = weights(server);
        return now.ours === WEIGHT && now.theirs === WEIGHT;
      },
      15_000,
    );
  }
});

after(async () => {
  for (const server of scenario?.servers ?? []) if (httpd.has(server.name)) await stopServer(server);
  if (keepalived && keepalived.exitCode === null) {
    const exited = new Promise((resolve) => keepalived.once('exit', resolve));
    keepalived.kill('SIGTERM');
    await exited;
  }
  scenario?.close();
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

test(`the agent takes a stopped server out no later than keepalived, and puts it back at its weight (${ROUNDS} rounds)`, async () => {
  const [rs1, rs2] = scenario.servers;
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts at a different point of both checkers' cycles.
    await pause(300 + round * 170);
    const stoppedAt = Date.now();
    await stopServer(rs1);
    const down = await timesUntil(rs1, 0, stoppedAt);
    await pause(1500);
    const startedAt = Date.now();
    startServer(rs1);
    const up = await timesUntil(rs1, WEIGHT, startedAt);
    assert.deepEqual(
      weights(rs2),
      { ours: WEIGHT, theirs: WEIGHT },
      'the healthy server never left rotation',
    );
    rounds.push({ down, up, stoppedAt: new Date(stoppedAt).toISOString() });
  }
  const mean = (values) => Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);
  const lag = (pick) => mean(rounds.map((r) => pick(r).ours - pick(r).theirs));
  const down = { ours: mean(rounds.map((r) => r.down.ours)), theirs: mean(rounds.map((r) => r.down.theirs)) };
  const up = { ours: mean(rounds.map((r) => r.up.ours)), theirs: mean(rounds.map((r) => r.up.theirs)) };
  console.log(
    `detection on the real kernel, ${ROUNDS} rounds (ms after the server stopped / started; /proc/net/ip_vs read every ${POLL_MS} ms):\n` +
      rounds
        .map(
          (r, i) =>
            `  round ${i + 1}: out ours ${r.down.ours}, keepalived ${r.down.theirs}; back ours ${r.up.ours}, keepalived ${r.up.theirs}`,
        )
        .join('\n') +
      `\n  mean out: ours ${down.ours} ms, keepalived ${down.theirs} ms (ours later by ${lag((r) => r.down)} ms); ` +
      `mean back: ours ${up.ours} ms, keepalived ${up.theirs} ms (ours later by ${lag((r) => r.up)} ms)`,
  );
  // Same checks, same clock; each round's check phases are random for both (a difference of two uniform
  // phases over 12 rounds has a standard error of 0.29 s x sqrt(2/12) = 120 ms). The agent flushes its journal
  // before the kernel step (keepalived records nothing), measured at about 150 ms in the guest; the bound
  // is that plus three standard errors, so a real regression fails and chance does not.
  assert.ok(lag((r) => r.down) <= 500, `out: ours ${down.ours} ms vs keepalived ${down.theirs} ms`);
  const records = (await (await agent.api(`/changes?limit=${ROUNDS * 4}`)).json()).items;
  const ours = records.filter((c) => c.actor.type === 'health-check');
  assert.equal(ours.length, ROUNDS * 2, 'one health-down and one health-up record per round, by the checks');
  const theirs = records.filter((c) => c.actor.type === 'external');
  assert.ok(theirs.length > 0, "keepalived's weight changes are recorded as external");
  assert.ok(
    theirs.every((c) => c.actor.likely?.includes('keepalived')),
    'with keepalived as their likely author',
  );
});
