// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 9's proof that a refused restore is safe for
// live traffic: a real NAT service pair with busybox httpd real servers, a client looping connections on a
// VIP the text keeps and on one it leaves out, and PUT /config texts that are refused either before any
// step (a scheduler this kernel lacks) or by the kernel after steps ran (a real server it will not take),
// so the rollback runs under traffic. Zero failed connections, no counter of a surviving row goes down,
// `ipvsadm -Sn` identical.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { ipvsadm, startAgent, startClientLoop, watchCounters } from './guest-lib.mjs';

let agent;
let scenario;
const VIP = '10.10.0.100';
const KEPT = `http://${VIP}:80/`;
const LEFT_OUT = `http://${VIP}:8080/`;
const services = [`TCP ${VIP}:80`, `TCP ${VIP}:8080`];

/** -A/-a lines of a NAT service on VIP:`port` to both real servers (httpd listens on 80). */
function natService(port, scheduler = 'rr', weights = [1, 1]) {
  const lines = [`-A -t ${VIP}:${port} -s ${scheduler}`];
  scenario.servers.forEach((server, index) =>
    lines.push(`-a -t ${VIP}:${port} -r ${server.address}:80 -m -w ${weights[index]}`),
  );
  return lines.join('\n') + '\n';
}

before(async () => {
  ipvsadm('-C');
  scenario = createNatScenario(2);
  agent = await startAgent({ port: 18082, stateDir: '/tmp/agent-state-traffic' });
  const created = await agent.api('/config', { method: 'PUT', text: natService(80) + natService(8080) });
  assert.equal(created.status, 200, await created.text());
});

after(async () => {
  scenario?.close();
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

/**
 * PUTs `text` while the client loops on both VIPs and the counters are watched; returns the answer, the
 * client's counts and the counter report. The table must come out exactly as it went in.
 */
async function refusedUnderTraffic(text, query = '') {
  const saved = ipvsadm('-Sn');
  const client = startClientLoop(scenario.clientNetns, [KEPT, LEFT_OUT], 3);
  let counters;
  try {
    await client.warm(3);
    counters = watchCounters(services);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const response = await agent.api(`/config${query}`, { method: 'PUT', text });
    const ms = Date.now() - started;
    const body = await response.json();
    // Keep the client going a little after the answer: a rollback's damage would show by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const counts = await client.stop();
    const watched = await counters.stop();
    const report = {
      status: response.status,
      ms,
      kept: { ok: counts[KEPT].ok, failed: counts[KEPT].failed },
      leftOut: { ok: counts[LEFT_OUT].ok, failed: counts[LEFT_OUT].failed },
      counterReadings: watched.readings,
      conns: watched.grew,
    };
    console.log(`refused restore under traffic: ${JSON.stringify(report)}`);
    assert.equal(
      counts[KEPT].failed + counts[LEFT_OUT].failed,
      0,
      `failed connections: ${JSON.stringify(report)}`,
    );
    assert.ok(counts[KEPT].ok > 3 && counts[LEFT_OUT].ok > 3, 'the client got through during the test');
    assert.deepEqual(watched.problems, [], 'no counter of a surviving service went down or vanished');
    assert.equal(ipvsadm('-Sn'), saved, 'ipvsadm -Sn identical before and after');
    return { response, body };
  } finally {
    await client.stop().catch(() => {});
    await counters?.stop().catch(() => {});
  }
}

test('a restore asking for a scheduler this kernel lacks is refused whole, with every problem', async () => {
  // Keeps :80 with an edit, leaves :8080 out, adds :81 and :82 with "twos" (not in this kernel).
  const text = natService(80, 'wrr', [2, 1]) + natService(81, 'twos') + natService(82, 'twos');
  const dry = await agent.api('/config?dryRun=1', { method: 'PUT', text });
  assert.equal(dry.status, 400, 'the dry run refuses it too');
  const { response, body } = await refusedUnderTraffic(text);
  assert.equal(response.status, 400, JSON.stringify(body));
  assert.equal(body.error.code, 'SCHEDULER_NOT_FOUND');
  const problems = body.error.details.problems;
  assert.deepEqual(
    problems.map((p) => p.line),
    [4, 7],
    JSON.stringify(problems),
  );
  for (const problem of problems) assert.match(problem.message, /scheduler "twos" is not available/);
  assert.match(body.error.message, /Nothing was changed/);
});

test('a real server the kernel refuses after steps ran: rolled back under traffic, nothing interrupted', async () => {
  // 224.0.0.1 passes the schema (any IPv4 address) but the kernel takes only unicast or local real
  // servers (ip_vs_new_dest: EINVAL). Additions come first, so :81 and its first real server are in the
  // kernel when it refuses; :8080, which the text leaves out, must never be removed.
  const text = natService(80) + natService(81) + `-a -t ${VIP}:81 -r 224.0.0.1:80 -m -w 1\n`;
  const { response, body } = await refusedUnderTraffic(text);
  assert.equal(response.status, 400, JSON.stringify(body));
  assert.match(body.error.message, /rolled back/, JSON.stringify(body));
  assert.match(body.error.message, /224\.0\.0\.1/);
});

test('the same refusal with edits of the live service in the text: they never reach the kernel', async () => {
  // Additions come before edits, so a refused addition stops the change before :80 is edited. (An edit
  // the kernel refuses but the schema accepts was not found: mixed-family real servers, refused while a
  // sync daemon runs, cannot exist while one runs - the daemon refuses to start; the rollback of applied
  // edits is proven by kernel-crash.guest.mjs instead.)
  const text = natService(80, 'wrr', [3, 1]) + natService(81) + `-a -t ${VIP}:81 -r 255.255.255.255:80 -m\n`;
  const { response, body } = await refusedUnderTraffic(text);
  assert.equal(response.status, 400, JSON.stringify(body));
  assert.match(body.error.message, /rolled back/, JSON.stringify(body));
  const [record] = (await (await agent.api('/changes?limit=1&source=api')).json()).items;
  assert.equal(record.status, 'rolled-back', JSON.stringify(record));
  assert.ok(
    record.commands.every((c) => /^ipvsadm -[Aa] /.test(c)),
    `only additions ran: ${JSON.stringify(record.commands)}`,
  );
  assert.match(record.commands.at(-1), /255\.255\.255\.255/);
});
