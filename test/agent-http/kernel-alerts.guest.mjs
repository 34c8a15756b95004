// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 12's alerts on the real kernel: a webhook
// receiver on the guest's 127.0.0.1, two real servers in network namespaces serving HTTP (busybox httpd),
// an HTTP check. Stopping a server posts server-down (and /metrics says health_up 0 with a health hold),
// a change made with ipvsadm posts external-change naming the command, starting the server posts server-up;
// /metrics' table digest is the SHA-256 of what `ipvsadm -Sn` prints.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { TOKEN, did, ipvsadm, sid, startAgent, waitFor } from './guest-lib.mjs';

const VIP = '10.10.0.101';
const PORT = 8082;
const STATE = '/tmp/agent-state-alerts';
const CHECK = { kind: 'http', intervalSeconds: 1, timeoutSeconds: 1, rise: 2, fall: 2, path: '/' };
const WEIGHTS = [4, 6];

let agent;
let scenario;
let receiver;
const received = [];
const httpd = new Map();

function startServer(server) {
  const root = `/tmp/ktest-alerts-www/${server.name}`;
  mkdirSync(root, { recursive: true });
  writeFileSync(`${root}/index.html`, `served by ${server.name}\n`);
  const child = spawn(
    'ip',
    ['netns', 'exec', server.netns, 'busybox', 'httpd', '-f', '-p', String(PORT), '-h', root],
    { stdio: 'ignore' },
  );
  child.unref();
  httpd.set(server.name, child);
}

function stopServer(server) {
  const child = httpd.get(server.name);
  httpd.delete(server.name);
  child.kill('SIGKILL');
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
}

/** The receiver: every POST body, parsed; answers 200. */
function startReceiver() {
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(200).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const events = (kind) => received.filter((body) => body.kind === kind);

async function metrics() {
  const response = await fetch(`${agent.base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  return response.text();
}

before(async () => {
  ipvsadm('-C');
  receiver = await startReceiver();
  const file = '/tmp/ktest-alerts-webhooks.json';
  writeFileSync(
    file,
    JSON.stringify({
      webhooks: [{ url: `http://127.0.0.1:${receiver.address().port}/hook` }],
      retry: { firstDelaySeconds: 0.2 },
    }),
  );
  scenario = createNatScenario(2);
  for (const server of scenario.servers) startServer(server);
  agent = await startAgent({ port: 18087, stateDir: STATE, args: ['--webhooks', file] });
  const text =
    `-A -t ${VIP}:80 -s rr\n` +
    scenario.servers.map((s, i) => `-a -t ${VIP}:80 -r ${s.address}:${PORT} -m -w ${WEIGHTS[i]}\n`).join('');
  const created = await agent.api('/config', { method: 'PUT', text });
  assert.equal(created.status, 200, await created.text());
  const checked = await agent.api(`/services/${sid('tcp', VIP, 80)}/check`, { method: 'PUT', json: CHECK });
  assert.equal(checked.status, 200, await checked.text());
  for (const server of scenario.servers) {
    const path = `/services/${sid('tcp', VIP, 80)}/destinations/${did(server.address, PORT)}`;
    await waitFor(
      `${server.name} up`,
      async () => (await (await agent.api(path)).json()).health?.state === 'up',
      20_000,
    );
  }
});

after(async () => {
  for (const server of scenario?.servers ?? []) if (httpd.has(server.name)) await stopServer(server);
  scenario?.close();
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  receiver?.close();
  ipvsadm('-C');
});

test('the table digest in /metrics is the SHA-256 of what ipvsadm -Sn prints', async () => {
  const digestOf = (text) => Number(/^ipvs_dashboard_table_digest (\S+)$/m.exec(text)?.[1]);
  const sha = createHash('sha256').update(ipvsadm('-Sn')).digest('hex');
  assert.equal(digestOf(await metrics()), parseInt(sha.slice(0, 13), 16));
});

test('a server stopping, an ipvsadm change and the server returning each reach the webhook', async () => {
  const [rs1, rs2] = scenario.servers;
  assert.deepEqual(received, [], 'a new check passing is no news');
  await stopServer(rs1);
  await waitFor('a server-down webhook', () => events('server-down').length === 1, 20_000);
  const [down] = events('server-down');
  assert.equal(down.version, 1);
  assert.equal(down.service, `tcp:${VIP}:80`);
  assert.equal(down.server, `${rs1.address}:${PORT}`);
  assert.match(down.details.reason, /connect refused|connection reset/);
  const labels = `real_address="${rs1.address}",real_port="${PORT}"`;
  await waitFor(
    'the health hold in /metrics',
    async () => (await metrics()).includes(`${labels},kind="health"} 1`),
    20_000,
  );
  assert.match(await metrics(), new RegExp(`ipvs_dashboard_destination_health_up\\{[^}]*${labels}\\} 0\\n`));

  ipvsadm('-e', '-t', `${VIP}:80`, '-r', `${rs2.address}:${PORT}`, '-m', '-w', '9');
  await waitFor('an external-change webhook', () => events('external-change').length === 1, 20_000);
  assert.deepEqual(events('external-change')[0].details.commands, [
    `ipvsadm -e -t ${VIP}:80 -r ${rs2.address}:${PORT} -m -w 9`,
  ]);

  startServer(rs1);
  await waitFor('a server-up webhook', () => events('server-up').length === 1, 20_000);
  assert.equal(events('server-up')[0].server, `${rs1.address}:${PORT}`);
  assert.deepEqual(
    received.map((body) => body.kind),
    ['server-down', 'external-change', 'server-up'],
  );
  const logged = agent
    .output()
    .split('\n')
    .filter((line) => / alert /.test(line));
  console.log(logged.join('\n'));
  assert.equal(logged.length, 3, 'one log line per alert');
});
