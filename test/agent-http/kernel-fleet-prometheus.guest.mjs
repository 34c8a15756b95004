// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 13's proof of the fleet's diff and of long
// history on the real kernel: two directors as two network namespaces (fp-lb1, fp-lb2: director-namespaces.mjs),
// each with its own IPVS table and its own agent (kernel backend); lb1 has a fleet file naming lb2, each
// director with its `prometheusInstance`; Debian's `prometheus` runs in the guest's root namespace, scraping
// both agents' /metrics every 5 s over their veth pairs, and both agents have --prometheus-url pointing
// at it. Every address is made here, inside the guest.
// - Pair diff: differences injected on lb2 with `ipvsadm -e` (a weight) and `ipvsadm -a` (a real server only
//   there); both tables read through lb1 (its GET /services, and lb2's through GET /fleet/lb2/api/v1/services)
//   and compared with the shared pairDiff the pair view uses: exactly those two, nothing else.
// - Fleet sparklines: lb1's GET /fleet/history draws both directors from Prometheus's live scrapes: 20 new
//   connection attempts through lb2's VIP (from inside lb2) show on lb2's line only.
// - History beyond the agent's 15 minutes: GET /history/range, what the web app's 1 h / 6 h ranges ask.
//   HOW THE OLD DATA WAS MADE: not by waiting hours. Before Prometheus starts, the test writes, for each
//   director, two hours of the series an agent's /metrics serves for the service 10.21.0.1:80 (the
//   ipvs_dashboard_{service,destination}_*_total counters, node_ipvs_backend_connections_{active,inactive},
//   ipvs_dashboard_up) as OpenMetrics text, one sample a minute under job="ipvs-dashboard" and the director's
//   instance label, ending just before the agents started (apps/agent/src/prometheus/__tests__/
//   openmetrics-backfill.ts, shared with the host's long-history test: new connections follow a daily wave
//   of 10-40 a second, split 50/50 between lb1's two real servers and 25/75 on lb2). `promtool tsdb
//   create-blocks-from openmetrics` turns each into TSDB blocks in Prometheus's empty storage folder (on a
//   host folder the guest mounts read-write, GUEST_DISK_DIR: not the guest's small tmpfs), then
//   Prometheus starts on that folder with --storage.tsdb.retention.time=3h (it keeps the two backfilled hours)
//   and scrapes the live agents from then on. So Prometheus answers the instants before each agent's own
//   memory starts with the backfilled hours, and the agent's live kernel samples follow from `joinAt` on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { pairDiff } from '@ipvs-dashboard/shared';
// The host's real-Prometheus helpers, as `npx tsc -b` builds them (run.mjs builds before booting).
import {
  backfillText,
  connectionsPerSecond,
} from '../../apps/agent/dist/prometheus/__tests__/openmetrics-backfill.js';
import { startPrometheus } from '../../apps/agent/dist/prometheus/__tests__/prometheus-server.js';
import {
  forwardBetweenDirectors,
  inNamespace,
  makeDirectorNamespace,
  removeDirectorNamespace,
  startDirectorAgent,
} from './director-namespaces.mjs';
import { serviceConns, TOKEN, waitFor } from './guest-lib.mjs';

const PORT = 8094;
const JOB = 'ipvs-dashboard';
const VIP = '10.21.0.1';
const SID = encodeURIComponent(`tcp:${VIP}:80`);
const MINUTE = 60_000;
/** The agent's own memory (docs/api.md "Long history from Prometheus"). */
const AGENT_MEMORY_MS = 15 * MINUTE;
const directors = {
  lb1: { name: 'lb1', netns: 'fp-lb1', host: '10.78.1.1', address: '10.78.1.2', instance: 'lb1.fleet' },
  lb2: { name: 'lb2', netns: 'fp-lb2', host: '10.78.2.1', address: '10.78.2.2', instance: 'lb2.fleet' },
};
/** Each director's split of the backfilled traffic between its two real servers. */
const shares = { lb1: [0.5, 0.5], lb2: [0.25, 0.75] };
const SERVERS = ['10.21.1.1', '10.21.1.2'];
const TABLE = [
  `-A -t ${VIP}:80 -s wrr`,
  `-a -t ${VIP}:80 -r ${SERVERS[0]}:80 -m -w 5`,
  `-a -t ${VIP}:80 -r ${SERVERS[1]}:80 -m -w 5`,
];
/** In the root namespace, on lb1's veth end: both namespaces route to it. */
const PROMETHEUS = { host: directors.lb1.host, port: 19090 };
const FLEET_FILE = '/tmp/fleet-prometheus-fleet.json';
const agents = {};
let prometheus;
let agentsStartedAt = 0;
let scrapingSince = 0;
let restoreForwarding = () => {};

const selectorOf = (director) => `{job="${JOB}",instance="${director.instance}"}`;

/**
 * GET /history/range: its Prometheus queries (one per field, for the service and per real server) each have
 * the agent's fixed 10 s; in this one-CPU guest on a busy host, the first ones after Prometheus opened its
 * blocks have taken longer. One more try after a 504 PROMETHEUS_TIMEOUT, said in the output.
 */
async function historyRange(agent, query) {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const response = await agent.api(`/history/range?service=${SID}&${query}`);
    const ms = Math.round(performance.now() - started);
    if (response.status !== 504 || attempt === 2) return { body: await json(response), ms };
    console.log(
      `history/range?${query}: 504 after ${ms} ms (${(await response.json()).error.message}); again`,
    );
  }
}

async function json(response) {
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return body;
}

/** Prometheus's own list of its scrape targets: instance label -> health. */
async function targetHealth() {
  const { data } = await json(await fetch(`${prometheus.url}/api/v1/targets`));
  return Object.fromEntries(data.activeTargets.map((target) => [target.labels.instance, target.health]));
}

/** Every point of a series before `joinAt` (Prometheus's part) or from it on (the agent's own). */
const beforeJoin = (points, joinAt) => points.filter((point) => point.at < joinAt);

before(async () => {
  for (const director of Object.values(directors)) {
    makeDirectorNamespace(director);
    for (const line of TABLE) inNamespace(director, 'ipvsadm', ...line.split(' '));
  }
  restoreForwarding = forwardBetweenDirectors();
  agentsStartedAt = Date.now();
  const prometheusArgs = (director) => [
    ...['--prometheus-url', `http://${PROMETHEUS.host}:${PROMETHEUS.port}`],
    ...['--prometheus-selector', selectorOf(director)],
  ];
  agents.lb2 = await startDirectorAgent(directors.lb2, { port: PORT, args: prometheusArgs(directors.lb2) });
  writeFileSync(
    FLEET_FILE,
    JSON.stringify({
      self: { name: 'lb1', pair: 'edge', prometheusInstance: directors.lb1.instance },
      directors: [
        {
          name: 'lb2',
          url: `http://${directors.lb2.address}:${PORT}`,
          token: TOKEN,
          pair: 'edge',
          prometheusInstance: directors.lb2.instance,
        },
      ],
    }),
  );
  agents.lb1 = await startDirectorAgent(directors.lb1, {
    port: PORT,
    args: ['--fleet', FLEET_FILE, ...prometheusArgs(directors.lb1)],
  });
  // Two hours up to just before the agents started, on whole minutes (see the opening comment).
  const from = Math.floor((agentsStartedAt - 2 * 60 * MINUTE) / MINUTE) * MINUTE;
  const to = agentsStartedAt - 1000;
  const backfill = Object.entries(directors).map(([name, director]) =>
    backfillText({
      job: JOB,
      instance: director.instance,
      backend: 'kernel',
      service: { protocol: 'tcp', address: VIP, port: 80 },
      servers: SERVERS.map((address, index) => ({ address, port: 80, share: shares[name][index] })),
      from,
      to,
      oldEveryMs: MINUTE,
      recentEveryMs: MINUTE,
    }),
  );
  const started = performance.now();
  prometheus = await startPrometheus({
    backfill,
    target: { hostPort: `${directors.lb1.address}:${PORT}`, token: TOKEN, job: JOB, instance: 'lb1.fleet' },
    moreTargets: [{ hostPort: `${directors.lb2.address}:${PORT}`, instance: 'lb2.fleet' }],
    ...PROMETHEUS,
    retention: '3h',
    // Every 5 s: rate() over 2 minutes has plenty, and the guest's one CPU has time left for answering.
    scrapeInterval: '5s',
    readyTimeoutMs: 180_000,
    // A host folder (run.mjs): Prometheus preallocates more than the guest's tmpfs /tmp holds.
    parentDir: process.env.GUEST_DISK_DIR,
  });
  scrapingSince = Date.now();
  console.log(
    `promtool backfill and Prometheus ready in ${Math.round(performance.now() - started)} ms (pid ${prometheus.pid})`,
  );
  const up = await waitFor(
    'Prometheus to scrape both agents',
    async () => {
      const health = await targetHealth();
      return health['lb1.fleet'] === 'up' && health['lb2.fleet'] === 'up' && health;
    },
    120_000,
    1000,
  );
  console.log(`scrape targets: ${JSON.stringify(up)} after ${Date.now() - scrapingSince} ms`);
});

/** kB of a /proc file's `name:` line (VmRSS in a process's status, MemAvailable in meminfo). */
const kilobytes = (file, name) =>
  Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(readFileSync(file, 'utf8'))?.[1]);

after(async () => {
  // Whether Prometheus fits the guest's memory (mem=1G) beside two agents: printed, not a limit.
  if (prometheus) {
    const rss = kilobytes(`/proc/${prometheus.pid}/status`, 'VmRSS');
    // `ip netns exec` execs node in its own process: the daemon's pid is the agent's.
    const agentsMb = Object.values(agents).map((agent) =>
      Math.round(kilobytes(`/proc/${agent.daemon.child.pid}/status`, 'VmRSS') / 1024),
    );
    const available = kilobytes('/proc/meminfo', 'MemAvailable');
    console.log(
      `memory: Prometheus ${Math.round(rss / 1024)} MB resident, the agents ${agentsMb.join(' and ')} MB, ` +
        `guest ${Math.round(available / 1024)} MB available`,
    );
  }
  for (const agent of Object.values(agents)) assert.equal(await agent.daemon.stop(), 0);
  await prometheus?.stop();
  for (const director of Object.values(directors)) removeDirectorNamespace(director);
  restoreForwarding();
  rmSync(FLEET_FILE, { force: true });
});

/** Both tables as the pair view reads them: lb1's own, and lb2's through lb1's passthrough. */
async function bothTables() {
  const started = performance.now();
  const left = await json(await agents.lb1.api('/services'));
  const right = await json(await agents.lb1.api('/fleet/lb2/api/v1/services'));
  console.log(`both tables read through lb1 in ${Math.round(performance.now() - started)} ms`);
  return { left, right };
}

test('pair diff on the real kernel: exactly the differences injected with ipvsadm on lb2', async () => {
  const same = await bothTables();
  assert.deepEqual(pairDiff(same.left, same.right), []);
  inNamespace(directors.lb2, 'ipvsadm', '-e', '-t', `${VIP}:80`, '-r', `${SERVERS[1]}:80`, '-m', '-w', '3');
  inNamespace(directors.lb2, 'ipvsadm', '-a', '-t', `${VIP}:80`, '-r', '10.21.1.3:80', '-m', '-w', '1');
  assert.doesNotMatch(inNamespace(directors.lb1, 'ipvsadm', '-Sn'), /10\.21\.1\.3|-w 3/);
  const { left, right } = await waitFor(
    "lb2's agent to read the ipvsadm changes",
    async () => {
      const tables = await bothTables();
      return tables.right[0]?.destinations.length === 3 && tables;
    },
    30_000,
    250,
  );
  assert.deepEqual(pairDiff(left, right), [
    {
      kind: 'differs',
      service: `tcp:${VIP}:80`,
      destination: `${SERVERS[1]}:80`,
      fields: [{ field: 'weight', left: '5', right: '3' }],
    },
    { kind: 'only-right', service: `tcp:${VIP}:80`, destination: '10.21.1.3:80', fields: [] },
  ]);
});

/**
 * `count` new connections through lb2's VIP from inside lb2 (a local client): IPVS schedules and counts
 * each, though nothing answers at the real servers' addresses; returns lb2's conns counter for the VIP.
 */
function connectThroughLb2(count) {
  const attempt = `busybox timeout 1 busybox wget -q -O /dev/null http://${VIP}/`;
  const loop = `for i in $(seq ${count}); do ${attempt}; done; true`;
  const result = spawnSync('ip', ['netns', 'exec', directors.lb2.netns, 'sh', '-c', loop], {
    timeout: 120_000,
  });
  assert.equal(result.status, 0, String(result.stderr));
  const stats = inNamespace(directors.lb2, 'ipvsadm', '-Ln', '--stats', '--exact');
  return serviceConns(stats).get(`TCP ${VIP}:80`);
}

test("Prometheus scrapes both agents: lb1's GET /fleet/history draws each director's own line", async () => {
  // Each attempt is bounded by 1 s, and on a busy host busybox may not get its SYN out within it: some, not
  // necessarily all 20, are counted.
  const conns = connectThroughLb2(20);
  assert.ok(conns > 0 && conns <= 20, `lb2's kernel counted ${conns} connections`);
  // One point a minute, each a rate() over 2 minutes of 5-second scrapes: a whole minute after the
  // connections shows them on lb2's line.
  const answer = await waitFor(
    "lb2's connections on its sparkline",
    async () => {
      const body = await json(await agents.lb1.api('/fleet/history'));
      const [lb1, lb2] = body.directors;
      return lb1.points.length > 0 && lb2.points.some((point) => point.cps > 0) && body;
    },
    180_000,
    5000,
  );
  assert.equal(
    answer.query,
    `sum by (instance) (rate(node_ipvs_connections_total{job="${JOB}",instance=~"lb1\\\\.fleet|lb2\\\\.fleet"}[120s]))`,
  );
  assert.deepEqual(
    answer.directors.map((director) => [director.name, director.instance, director.note]),
    [
      ['lb1', 'lb1.fleet', null],
      ['lb2', 'lb2.fleet', null],
    ],
  );
  const [lb1, lb2] = answer.directors;
  // node_ipvs_connections_total was not backfilled: every point is from Prometheus's live scrapes.
  for (const point of [...lb1.points, ...lb2.points])
    assert.ok(point.at > scrapingSince, JSON.stringify(point));
  assert.ok(
    lb1.points.every((point) => point.cps === 0),
    `nothing went through lb1: ${JSON.stringify(lb1.points)}`,
  );
  // rate() over 2 minutes of at most 20 connections: 20 / 120 s, give or take Prometheus's extrapolation.
  const peak = Math.max(...lb2.points.map((point) => point.cps));
  assert.ok(peak > 0 && peak < 0.5, `lb2's peak ${peak}`);
  console.log(
    `sparklines: lb1 ${lb1.points.length} points at 0, lb2 peak ${peak.toFixed(3)} new connections/s`,
  );
});

test("history beyond 15 minutes: lb1's 1 h range is Prometheus's backfilled hour, joined to the agent's own samples", async () => {
  const { body: range, ms } = await historyRange(agents.lb1, 'range=1h');
  assert.equal(range.stepMs, 15_000);
  assert.ok(range.joinAt !== null && range.joinAt >= agentsStartedAt - range.stepMs, JSON.stringify(range));
  const [service] = range.services;
  const older = beforeJoin(service.points, range.joinAt);
  const beyondMemory = older.filter((point) => point.at < range.to - AGENT_MEMORY_MS);
  // 45 minutes at 15 s is 180 instants; the first two minutes of the hour may miss a rate() window.
  assert.ok(beyondMemory.length >= 170, `${beyondMemory.length} points older than 15 minutes`);
  for (const point of older) {
    // rate() over two one-minute samples: the backfilled wave half a minute to a minute and a half earlier.
    assert.ok(Math.abs(point.cps - connectionsPerSecond(point.at - MINUTE)) < 0.1, JSON.stringify(point));
  }
  for (const [index, address] of SERVERS.entries()) {
    const server = service.destinations.find((destination) => destination.id === `${address}:80`);
    for (const point of beforeJoin(server.points, range.joinAt)) {
      const expected = connectionsPerSecond(point.at - MINUTE) * shares.lb1[index];
      assert.ok(Math.abs(point.cps - expected) < 0.1, `${address}: ${JSON.stringify(point)}`);
    }
  }
  // Prometheus's part is exactly what Prometheus itself answers for the same PromQL.
  const direct = await prometheus.queryRange(
    `sum (rate(ipvs_dashboard_service_connections_total{job="${JOB}",instance="lb1.fleet",protocol="tcp",address="${VIP}",port="80"}[120s]))`,
    older[0].at,
    older.at(-1).at,
    range.stepMs,
  );
  assert.deepEqual(
    older.map((point) => [point.at, point.cps]),
    direct.map(([seconds, value]) => [Math.round(seconds * 1000), Number(value)]),
  );
  // From joinAt on: the agent's own kernel samples (nothing went through the VIP, so no new connections).
  const live = service.points.filter((point) => point.at >= range.joinAt);
  assert.ok(live.length >= 1, JSON.stringify(range));
  for (const point of live) assert.equal(point.cps, 0, JSON.stringify(point));
  console.log(
    `1 h range: ${older.length} points from Prometheus (${beyondMemory.length} older than 15 min), ` +
      `${live.length} from the agent, joined at ${new Date(range.joinAt).toISOString()}; answered in ${ms} ms`,
  );
});

// Asked of lb2 itself: its answer (14 range queries to Prometheus) takes this slow guest longer than the
// 10 s lb1's passthrough allows a peer.
test("lb2's own history: a chosen range 2 h to 1 h ago, all Prometheus's, lb2's own split", async () => {
  const to = Math.floor(agentsStartedAt / MINUTE) * MINUTE - 60 * MINUTE;
  const from = to - 60 * MINUTE + 5 * MINUTE;
  const { body: range } = await historyRange(agents.lb2, `from=${from}&to=${to}`);
  assert.equal(range.joinAt, null);
  const [service] = range.services;
  assert.ok(service.points.length >= 200, `${service.points.length} points`);
  assert.ok(service.points.every((point) => point.at <= to && point.at >= from));
  for (const [index, address] of SERVERS.entries()) {
    const server = service.destinations.find((destination) => destination.id === `${address}:80`);
    assert.ok(server.points.length >= 200, `${address}: ${server.points.length} points`);
    for (const point of server.points) {
      const expected = connectionsPerSecond(point.at - MINUTE) * shares.lb2[index];
      assert.ok(Math.abs(point.cps - expected) < 0.1, `${address}: ${JSON.stringify(point)}`);
    }
  }
});
