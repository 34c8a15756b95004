// The fleet against real agent processes on 127.0.0.1 (simulated backend, so nothing leaves loopback):
// three agents, each with its own port, state directory and token; lb1 started with --fleet naming the
// others (and one with a wrong token, one that accepts connections but never answers). Run it after
// `npx tsc -b`: `node --test test/fleet/`.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AgentProcess, freePort } from '../e2e/lib/agent-process.mjs';

const dir = await mkdtemp(join(tmpdir(), 'fleet-test-'));
const agents = {};
let silent; // accepts TCP connections and never answers: a hung peer
const silentSockets = new Set();
// An agent from before GET /summary: 404 there, its /info and /services answered (from lb2's) as such an
// agent answers them, so the reader's way of reading older peers is exercised against the real answers.
let older;
const olderPaths = [];

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
  older = createHttpServer(async (request, response) => {
    olderPaths.push(request.url);
    if (request.url === '/api/v1/summary') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"error":{"code":"NOT_FOUND","message":"No route GET /api/v1/summary"}}');
      return;
    }
    const answer = await fetch(`${lb2.origin}${request.url}`, {
      headers: { authorization: `Bearer ${lb2.token}` },
    });
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(await answer.text());
  });
  await new Promise((resolve) => older.listen(0, '127.0.0.1', resolve));
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
        { name: 'older', url: `http://127.0.0.1:${older.address().port}`, token: 'older-token-0123456789' },
      ],
    }),
  );
  await startAgent('lb1', ['--fleet', fleetFile]);
});

after(async () => {
  await Promise.all(Object.values(agents).map((agent) => agent.stop()));
  for (const socket of silentSockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await new Promise((resolve) => older.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

test('GET /info says a fleet is configured; an agent without --fleet says none', async () => {
  assert.deepEqual((await get(agents.lb1, '/api/v1/info')).body.fleet, { self: 'lb1', peers: 5 });
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
  assert.deepEqual(Object.keys(byName), ['lb1', 'lb2', 'lb3', 'wrong-token', 'hung', 'older']);
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
  // An agent without GET /summary is still read, from its /info and its table, with the same counts.
  assert.equal(byName.older.reachable, true, byName.older.error);
  assert.deepEqual(
    [byName.older.services, byName.older.realServers, byName.older.servers],
    [byName.lb2.services, byName.lb2.realServers, byName.lb2.servers],
  );
  assert.deepEqual(olderPaths.slice(0, 3).sort(), ['/api/v1/info', '/api/v1/services', '/api/v1/summary']);
});

test('GET /summary is a director counted where its table is; a quiesce shows on the Fleet page as held', async () => {
  const summary = async () => (await get(agents.lb2, '/api/v1/summary')).body;
  const before = await summary();
  const table = (await get(agents.lb2, '/api/v1/services')).body;
  assert.equal(before.services, table.length);
  assert.equal(
    before.realServers,
    table.reduce((sum, s) => sum + s.destinations.length, 0),
  );
  assert.ok(JSON.stringify(before).length < 1000, `a summary of ${JSON.stringify(before).length} bytes`);
  // An IPv4 TCP service's real server in rotation (its id is then simply address:port).
  const free = (d) =>
    (d.holds?.length ?? 0) === 0 && d.health?.state !== 'down' && d.weight > 0 && !d.address.includes(':');
  const service = table.find(
    (s) => s.key.protocol === 'tcp' && !s.key.address.includes(':') && s.destinations.some(free),
  );
  const server = service.destinations.find(free);
  const sid = `${service.key.protocol}:${service.key.address}:${service.key.port}`;
  const quiesced = await fetch(
    `${agents.lb2.origin}/api/v1/services/${encodeURIComponent(sid)}/destinations/${encodeURIComponent(`${server.address}:${server.port}`)}/quiesce`,
    { method: 'POST', headers: { authorization: `Bearer ${agents.lb2.token}` } },
  );
  assert.equal(quiesced.status, 200, await quiesced.text());
  // The summary reads the poller's newest table (1 s interval): the hold shows within a few seconds.
  let after = await summary();
  for (let i = 0; i < 50 && after.servers.held === before.servers.held; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    after = await summary();
  }
  assert.equal(after.servers.held, before.servers.held + 1);
  assert.equal(after.servers.up + after.servers.down, before.servers.up + before.servers.down - 1);
  const fleet = (await get(agents.lb1, '/api/v1/fleet')).body;
  assert.deepEqual(fleet.directors.find((d) => d.name === 'lb2').servers, after.servers);
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
