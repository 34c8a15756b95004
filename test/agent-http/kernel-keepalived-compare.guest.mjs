// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 12's comparison with the peer operators run
// today: Debian's keepalived and the agent check the same two real servers (probe-logger.mjs in network
// namespaces) with the same TCP check, each owning its own virtual server in the same kernel:
//   agent      10.10.0.100:80  tcp check of port 8081, interval 1 s, timeout 1 s, fall 2, rise 1
//   keepalived 10.10.0.101:80  TCP_CHECK of port 8082, delay_loop 1, connect_timeout 1, retry 1,
//                              delay_before_retry 1, inhibit_on_failure (weight 0 on failure, as a hold does)
// One server is killed and started again several times; /proc/net/ip_vs read every 20 ms gives both virtual
// servers' weights at the same instant. Each checker probes its own port, and the server notes every probe,
// so each round also says when each checker last reached the server before it died (and first reached it
// after it came back): detection counted from there takes out the random phase of each checker's cycle,
// which otherwise swings a 12-round mean by hundreds of ms. Measured on a quiet host (three runs): from its
// last answered probe the agent took the server out 14-20 ms (+- 5-8) after keepalived, and put it back
// 19-24 ms (+- 5-7) after it, from their first answered probes. Issue 12 asks for "no later": not yet met. The
// bound below (REACTION_BUDGET_MS more than keepalived, beyond two standard errors) catches a regression: on a
// host starved of CPU, before the checks had one scheduler, the agent was 600 ms later. The server must come
// back at its exact weight.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { ipvsadm, pause, sid, startAgent, waitFor } from './guest-lib.mjs';

const OURS = '10.10.0.100';
const THEIRS = '10.10.0.101';
const PORT = 8081;
/** keepalived's TCP_CHECK connect_port, on the same server process as PORT. */
const THEIR_PORT = 8082;
const WEIGHT = 4;
const ROUNDS = 12;
const POLL_MS = 20;
/** How much later than keepalived the agent may react (measured: 14-24 ms in the guest on a quiet host). */
const REACTION_BUDGET_MS = 150;
const CHECK = { kind: 'tcp', intervalSeconds: 1, timeoutSeconds: 1, rise: 1, fall: 2 };
const CONFIG = '/tmp/keepalived-compare.conf';

let agent;
let scenario;
let keepalived;
let keepalivedOutput = '';
const httpd = new Map();
/** Every probe each real server answered: its name -> [{port, at}]. */
const probes = new Map();

/** Starts probe-logger.mjs on both ports in the server's namespace; resolves once it listens. */
function startServer(server) {
  const child = spawn(
    'ip',
    [
      'netns',
      'exec',
      server.netns,
      'node',
      'test/agent-http/probe-logger.mjs',
      String(PORT),
      String(THEIR_PORT),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  httpd.set(server.name, child);
  if (!probes.has(server.name)) probes.set(server.name, []);
  let rest = '';
  return new Promise((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'listening') resolve();
        const [port, at] = line.split(' ').map(Number);
        if (at) probes.get(server.name).push({ port, at });
      }
    });
  });
}

/** Kills the server (its process is `ip netns exec`'s, which execs node): both ports close at once. */
function stopServer(server) {
  const child = httpd.get(server.name);
  httpd.delete(server.name);
  child.kill('SIGKILL');
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
}

/** Whether the server's output has shown a probe on each of `ports` after `at`. */
function probedAfter(server, ports, at) {
  return ports.every((port) => probes.get(server.name).some((p) => p.port === port && p.at > at));
}

/** When the server last answered a probe on `port` before `at`, and first answered one after. */
function probeAround(server, port, at) {
  const times = probes
    .get(server.name)
    .filter((p) => p.port === port)
    .map((p) => p.at);
  return {
    lastBefore: Math.max(...times.filter((t) => t <= at)),
    firstAfter: Math.min(...times.filter((t) => t > at)),
  };
}

function keepalivedConfig(servers) {
  const real = (s) => `    real_server ${s.address} ${PORT} {
        weight ${WEIGHT}
        inhibit_on_failure
        TCP_CHECK {
            connect_port ${THEIR_PORT}
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
  await Promise.all(scenario.servers.map((server) => startServer(server)));
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
    // Each checker has reached the server on its own port: its phase can be read from the first round on.
    await waitFor(
      `both checkers probing ${server.name}`,
      () => probedAfter(server, [PORT, THEIR_PORT], 0),
      15_000,
    );
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

const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
/** Standard error of the mean of `values`. */
const standardError = (values) => {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1) / values.length);
};

test(`the agent takes a stopped server out and puts it back within ${REACTION_BUDGET_MS} ms of keepalived, at its exact weight (${ROUNDS} rounds)`, async () => {
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
    await startServer(rs1);
    const up = await timesUntil(rs1, WEIGHT, startedAt);
    // The server's lines about the probes that brought it back may still be in the pipe.
    await waitFor("both checkers' probes of the restarted server", () =>
      probedAfter(rs1, [PORT, THEIR_PORT], startedAt),
    );
    assert.deepEqual(
      weights(rs2),
      { ours: WEIGHT, theirs: WEIGHT },
      'the healthy server never left rotation',
    );
    const ours = { out: probeAround(rs1, PORT, stoppedAt), back: probeAround(rs1, PORT, startedAt) };
    const theirs = {
      out: probeAround(rs1, THEIR_PORT, stoppedAt),
      back: probeAround(rs1, THEIR_PORT, startedAt),
    };
    rounds.push({
      down,
      up,
      // From the checker's last probe the server answered to weight 0; from its first answered one back.
      downFromLastProbe: {
        ours: stoppedAt + down.ours - ours.out.lastBefore,
        theirs: stoppedAt + down.theirs - theirs.out.lastBefore,
      },
      upFromFirstProbe: {
        ours: startedAt + up.ours - ours.back.firstAfter,
        theirs: startedAt + up.theirs - theirs.back.firstAfter,
      },
    });
  }
  const summary = (pick) => {
    const differences = rounds.map((r) => pick(r).ours - pick(r).theirs);
    return {
      ours: Math.round(mean(rounds.map((r) => pick(r).ours))),
      theirs: Math.round(mean(rounds.map((r) => pick(r).theirs))),
      later: Math.round(mean(differences)),
      error: Math.round(standardError(differences)),
    };
  };
  const line = (name, s) =>
    `${name}: ours ${s.ours} ms, keepalived ${s.theirs} ms (ours later by ${s.later} ± ${s.error} ms)`;
  const out = summary((r) => r.down);
  const outNet = summary((r) => r.downFromLastProbe);
  const back = summary((r) => r.up);
  const backNet = summary((r) => r.upFromFirstProbe);
  console.log(
    `detection on the real kernel, ${ROUNDS} rounds (/proc/net/ip_vs read every ${POLL_MS} ms):\n` +
      rounds
        .map(
          (r, i) =>
            `  round ${i + 1}: out ours ${r.down.ours} (${r.downFromLastProbe.ours} after its last answered probe), ` +
            `keepalived ${r.down.theirs} (${r.downFromLastProbe.theirs}); back ours ${r.up.ours} ` +
            `(${r.upFromFirstProbe.ours} after its first answered probe), keepalived ${r.up.theirs} (${r.upFromFirstProbe.theirs})`,
        )
        .join('\n') +
      `\n  ${line('mean out, from the kill', out)}\n  ${line("mean out, from each checker's last answered probe", outNet)}` +
      `\n  ${line('mean back, from the start', back)}\n  ${line("mean back, from each checker's first answered probe", backNet)}`,
  );
  // From its last answered probe, each checker needs one interval to its first failed probe and one more to
  // its second (fall 2 / retry 1), then its reaction: the phase is gone, so a slower reaction shows here.
  assert.ok(
    outNet.later <= 2 * outNet.error + REACTION_BUDGET_MS,
    `out, from each checker's last answered probe: ${line('', outNet)}`,
  );
  assert.ok(
    backNet.later <= 2 * backNet.error + REACTION_BUDGET_MS,
    `back, from each checker's first answered probe: ${line('', backNet)}`,
  );
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
