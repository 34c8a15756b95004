// The fleet against real agent processes on 127.0.0.1 (simulated backend, so nothing leaves loopback):
// three agents, each with its own port, state directory and token; lb1 started with --fleet naming the
// others (and one with a wrong token, one that accepts connections but never answers). Run it after
// `npx tsc -b`: `node --test test/fleet/`.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AgentProcess, freePort } from '../e2e/lib/agent-process.mjs';

const dir = await mkdtemp(join(tmpdir(), 'fleet-test-'));
const agents = {};
let silent; // accepts TCP connections and never answers: a hung peer
const silentSockets = new Set();

async function startAgent(name, args = []) {
  const stateDir = join(dir, name);
  const agent = new AgentProcess({
    port: await freePort(),
    token: `token-of-${name}-0123456789abcdef`,
    stateDir,
    args,
  });
  await agent.start();
  agents[name] = agent;
  return agent;
}

async function get(agent, path, token = agent.token) {
  const started = performance.now();
  const response = await fetch(`${agent.origin}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.json();
  return { status: response.status, body, ms: performance.now() - started };
}

before(async () => {
  silent = createServer((socket) => silentSockets.add(socket));
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const lb2 = await startAgent('lb2');
  const lb3 = await startAgent('lb3');
  await writeFile(join(dir, 'lb3.token'), `${lb3.token}\n`);
  const fleetFile = join(dir, 'fleet.json');
  await writeFile(
    fleetFile,
    JSON.stringify({
      self: { name: 'lb1', pair: 'edge', site: 'seoul' },
      directors: [
        { name: 'lb2', url: lb2.origin, token: lb2.token, pair: 'edge', site: 'seoul' },
        { name: 'lb3', url: lb3.origin, tokenFile: 'lb3.token', site: 'busan' },
        { name: 'wrong-token', url: lb3.origin, token: 'not-the-token-of-lb3-at-all', site: 'busan' },
        {
          name: 'hung',
          url: `http://127.0.0.1:${silent.address().port}`,
          token: 'any-token-0123456789',
          site: 'busan',
        },
      ],
    }),
  );
  await startAgent('lb1', ['--fleet', fleetFile]);
});

after(async () => {
  await Promise.all(Object.values(agents).map((agent) => agent.stop()));
  for (const socket of silentSockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

test('GET /info says a fleet is configured; an agent without --fleet says none', async () => {
  assert.deepEqual((await get(agents.lb1, '/api/v1/info')).body.fleet, { self: 'lb1', peers: 4 });
  assert.equal((await get(agents.lb2, '/api/v1/info')).body.fleet, null);
  const none = await get(agents.lb2, '/api/v1/fleet');
  assert.equal(none.status, 404);
  assert.match(none.body.error.message, /start the agent with --fleet FILE/);
});

test('GET /fleet lists every director with its totals; peers it cannot read say why', async () => {
  const { status, body } = await get(agents.lb1, '/api/v1/fleet');
  assert.equal(status, 200);
  assert.equal(body.self, 'lb1');
  const byName = Object.fromEntries(body.directors.map((d) => [d.name, d]));
  assert.deepEqual(Object.keys(byName), ['lb1', 'lb2', 'lb3', 'wrong-token', 'hung']);
  for (const name of ['lb1', 'lb2', 'lb3']) {
    const director = byName[name];
    const own = (await get(agents[name], '/api/v1/services')).body;
    assert.equal(director.reachable, true, `${name}: ${director.error}`);
    assert.equal(director.backend, 'simulated');
    assert.equal(director.services, own.length);
    assert.equal(
      director.realServers,
      own.reduce((sum, s) => sum + s.destinations.length, 0),
    );
    const { down, held, up } = director.servers;
    assert.equal(down + held + up, director.realServers);
  }
  assert.equal(byName.lb1.local, true);
  assert.equal(byName.lb1.url, null);
  assert.deepEqual([byName.lb2.pair, byName.lb2.site], ['edge', 'seoul']);
  assert.equal(byName['wrong-token'].reachable, false);
  assert.match(byName['wrong-token'].error, /refused the token \(401\)/);
  assert.equal(byName.hung.reachable, false);
  assert.match(byName.hung.error, /did not answer within 2000 ms/);
});

test('the passthrough reads a peer with the token from the file; the browser needs only its own', async () => {
  const direct = await get(agents.lb2, '/api/v1/services');
  const proxied = await get(agents.lb1, '/api/v1/fleet/lb2/api/v1/services');
  assert.equal(proxied.status, 200);
  const ids = (table) => table.map((s) => `${s.key.protocol}:${s.key.address}:${s.key.port}:${s.scheduler}`);
  assert.deepEqual(ids(proxied.body), ids(direct.body));
  const info = await get(agents.lb1, '/api/v1/fleet/lb3/api/v1/info');
  assert.equal(info.body.backend, 'simulated');
  // A peer's own error comes through as it said it.
  const missing = await get(agents.lb1, '/api/v1/fleet/lb2/api/v1/services/tcp:10.9.9.9:1');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'SERVICE_NOT_FOUND');
  const unknown = await get(agents.lb1, '/api/v1/fleet/lb9/api/v1/info');
  assert.equal(unknown.status, 404);
  assert.match(unknown.body.error.message, /No director "lb9" in the fleet file; its peers are lb2, lb3/);
});

test('the passthrough only reads: a change is refused and the peer is untouched', async () => {
  const before = (await get(agents.lb2, '/api/v1/changes')).body;
  const response = await fetch(`${agents.lb1.origin}/api/v1/fleet/lb2/api/v1/zero`, {
    method: 'POST',
    headers: { authorization: `Bearer ${agents.lb1.token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const body = await response.json();
  assert.equal(response.status, 400);
  assert.match(
    body.error.message,
    /The fleet passthrough only reads \(GET\)\. To change lb2, POST \/api\/v1\/fleet\/changes/,
  );
  assert.deepEqual((await get(agents.lb2, '/api/v1/changes')).body, before);
});

test('a peer stopped by its PID is unreachable with the reason, and the rest still answer fast', async () => {
  const pid = agents.lb3.child.pid;
  await agents.lb3.stop();
  assert.throws(() => process.kill(pid, 0), /ESRCH/);
  // lb1's own pages do not wait for peers, even while a fleet read waits on the hung one.
  const fleetRead = get(agents.lb1, '/api/v1/fleet');
  const own = await get(agents.lb1, '/api/v1/services');
  assert.equal(own.status, 200);
  assert.ok(own.ms < 500, `lb1's own /services took ${own.ms.toFixed(0)} ms while a fleet read was waiting`);
  const { body, ms } = await fleetRead;
  const byName = Object.fromEntries(body.directors.map((d) => [d.name, d]));
  assert.equal(byName.lb3.reachable, false);
  assert.match(byName.lb3.error, /connection refused at http:\/\/127\.0\.0\.1:\d+: is its agent running/);
  assert.ok(byName.lb3.latencyMs < 500, `a refused connection took ${byName.lb3.latencyMs} ms`);
  assert.equal(byName.lb1.reachable, true);
  assert.equal(byName.lb2.reachable, true);
  assert.ok(byName.lb2.latencyMs < 500, `lb2 took ${byName.lb2.latencyMs} ms`);
  // The whole answer waits at most for the hung peer's deadline (2 s), not for every peer in turn.
  assert.ok(ms < 3000, `GET /fleet took ${ms.toFixed(0)} ms`);
  const proxied = await get(agents.lb1, '/api/v1/fleet/lb3/api/v1/info');
  assert.equal(proxied.status, 502);
  assert.equal(proxied.body.error.code, 'PEER_UNREACHABLE');
  assert.match(proxied.body.error.message, /^lb3: connection refused/);
  assert.ok((await readdir(join(dir, 'lb3'))).length > 0);
});
