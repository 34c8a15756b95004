// Runs INSIDE the user-mode Linux guest (see run.mjs): the real agent process over the real kernel IPVS.
// Every expectation about the kernel is checked against ipvsadm, a program this project did not write.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { liveMessageSchema, serviceId } from '../../packages/shared/dist/index.js';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { TOKEN as token, ipvsadm, startAgent, waitFor } from './guest-lib.mjs';

const port = 18081;
const base = `http://127.0.0.1:${port}`;
let agent;
const frames = [];
let ws;
/**
 * What a client knows after each sample, as the dashboard keeps it: samples carry only the rows and
 * numbers that moved (docs/api.md), so each is merged into the rows known so far; one view per sample.
 */
const rows = new Map();
const sampleViews = [];

function follow(frame) {
  if (frame.type === 'snapshot') {
    // Rows of a snapshot replace what was known of the table: forget the services it no longer has.
    const ids = new Set(frame.services.map((s) => serviceId(s.key)));
    for (const id of rows.keys()) if (!ids.has(id)) rows.delete(id);
    return;
  }
  if (frame.type !== 'sample') return;
  if (frame.full) rows.clear();
  for (const { destinations, ...numbers } of frame.services) {
    const row = rows.get(numbers.id) ?? { destinations: new Map() };
    Object.assign(row, numbers);
    for (const dest of destinations)
      row.destinations.set(dest.id, { ...row.destinations.get(dest.id), ...dest });
    rows.set(numbers.id, row);
  }
  sampleViews.push({
    at: frame.at,
    services: [...rows.values()].map((row) => ({ ...row, destinations: [...row.destinations.values()] })),
  });
}

const api = (path, init) => agent.api(path, init);

before(async () => {
  ipvsadm('-C');
  agent = await startAgent({ port, stateDir: '/tmp/agent-state' });
  ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/live`, { headers: { authorization: `Bearer ${token}` } });
  ws.on('message', (data) => {
    const frame = liveMessageSchema.parse(JSON.parse(String(data)));
    frames.push(frame);
    follow(frame);
  });
  await waitFor('the first snapshot', () => frames.length > 0);
});

after(async () => {
  ws?.close();
  assert.equal(await agent?.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

test('auto picks the kernel backend as root with IPVS present', async () => {
  const info = await (await api('/info')).json();
  assert.equal(info.backend, 'kernel');
  assert.match(info.backendReason, /CAP_NET_ADMIN/);
  assert.equal(info.version, '1.2.1');
  assert.equal(frames[0].type, 'snapshot');
  assert.equal(frames[0].backend, 'kernel');
});

test('API changes reach the kernel and go out live tagged "api"', async () => {
  const created = await api('/services', {
    method: 'POST',
    json: { protocol: 'tcp', address: '10.0.0.1', port: 80, scheduler: 'wrr' },
  });
  assert.equal(created.status, 201);
  const dest = await api(`/services/${encodeURIComponent('tcp:10.0.0.1:80')}/destinations`, {
    method: 'POST',
    json: { address: '10.0.1.1', port: 80, forwarding: 'masq', weight: 3 },
  });
  assert.equal(dest.status, 201);
  assert.equal(ipvsadm('-Sn'), '-A -t 10.0.0.1:80 -s wrr\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 3\n');
  const change = await waitFor('an api change', () =>
    frames.find((f) => f.type === 'change' && f.changes.some((c) => c.kind === 'destination-added')),
  );
  assert.equal(change.source, 'api');
  // Its frame names the change log entry the answer named.
  assert.equal(change.changeId, dest.headers.get('x-change-id'));
});

test('a change made with ipvsadm is seen and tagged "external"', async () => {
  ipvsadm('-a', '-t', '10.0.0.1:80', '-r', '10.0.1.2:80', '-m', '-w', '2');
  const change = await waitFor('an external change', () =>
    frames.find((f) => f.type === 'change' && f.changes.some((c) => c.destination === '10.0.1.2:80')),
  );
  assert.equal(change.source, 'external');
  assert.equal(change.changeId, undefined);
  assert.deepEqual(change.changes, [
    { kind: 'destination-added', service: 'tcp:10.0.0.1:80', destination: '10.0.1.2:80' },
  ]);
});

test('quiesce sets weight 0 in the kernel and unquiesce restores the remembered weight', async () => {
  const path = `/services/${encodeURIComponent('tcp:10.0.0.1:80')}/destinations/${encodeURIComponent('10.0.1.1:80')}`;
  assert.equal((await (await api(`${path}/quiesce`, { method: 'POST', json: {} })).json()).weight, 0);
  assert.match(ipvsadm('-Sn'), /-r 10\.0\.1\.1:80 -m -w 0\n/);
  assert.equal((await (await api(`${path}/unquiesce`, { method: 'POST', json: {} })).json()).weight, 3);
  assert.match(ipvsadm('-Sn'), /-r 10\.0\.1\.1:80 -m -w 3\n/);
});

test('kernel refusals become catalogue errors, never 500', async () => {
  const twos = await api('/services', {
    method: 'POST',
    json: { protocol: 'tcp', address: '10.0.0.5', port: 80, scheduler: 'twos' },
  });
  assert.ok(twos.status === 400, `status ${twos.status}`);
  const body = await twos.json();
  assert.equal(body.error.code, 'SCHEDULER_NOT_FOUND'); // the kernel's ENOENT, through the catalogue
  const dup = await api('/services', {
    method: 'POST',
    json: { protocol: 'tcp', address: '10.0.0.1', port: 80 },
  });
  assert.equal(dup.status, 409);
  assert.equal((await dup.json()).error.code, 'SERVICE_EXISTS');
});

test('GET /config equals ipvsadm -Sn, and PUT /config applies a plan the kernel then holds', async () => {
  assert.equal(await (await api('/config')).text(), ipvsadm('-Sn'));
  const text = '-A -u 10.0.0.2:53 -s rr\n-a -u 10.0.0.2:53 -r 10.0.2.1:53 -m -w 1\n';
  const put = (query) =>
    api(`/config${query}`, { method: 'PUT', body: text, headers: { 'content-type': 'text/plain' } });
  // The text holds none of the live services: replacing the whole table takes an explicit confirmation.
  const before = ipvsadm('-Sn');
  const unconfirmed = await put('');
  assert.equal(unconfirmed.status, 400);
  assert.equal((await unconfirmed.json()).error.code, 'CONFIRMATION_REQUIRED');
  assert.equal(ipvsadm('-Sn'), before);
  const response = await put('?confirm=replace-all');
  const plan = await response.json();
  assert.equal(response.status, 200, JSON.stringify(plan));
  assert.equal(plan.removed.length, 1, JSON.stringify(plan));
  assert.equal(plan.changeId, response.headers.get('x-change-id'));
  assert.equal(ipvsadm('-Sn'), text);
});

test('PUT /config refuses a scheduler this kernel lacks before any step (no "twos" here)', async () => {
  const before = ipvsadm('-Sn');
  const text = `${before}-A -t 10.0.0.7:80 -s rr\n-a -t 10.0.0.7:80 -r 10.0.7.1:80 -m\n-A -t 10.0.0.8:80 -s twos\n`;
  for (const query of ['?dryRun=1', '']) {
    const response = await api(`/config${query}`, {
      method: 'PUT',
      body: text,
      headers: { 'content-type': 'text/plain' },
    });
    const body = await response.json();
    assert.equal(response.status, 400, JSON.stringify(body));
    assert.equal(body.error.code, 'SCHEDULER_NOT_FOUND');
    assert.match(body.error.message, /^line 5: scheduler "twos" is not available.*Nothing was changed\.$/);
    assert.deepEqual(
      body.error.details.problems.map((p) => p.line),
      [5],
    );
    assert.equal(ipvsadm('-Sn'), before);
  }
});

test('sample rates from counter deltas add up to the real connections made through a NAT service', async () => {
  const scenario = createNatScenario(2);
  try {
    const sid = `tcp:${scenario.vip}:${scenario.port}`;
    const created = await api('/services', {
      method: 'POST',
      json: { protocol: 'tcp', address: scenario.vip, port: scenario.port, scheduler: 'rr' },
    });
    assert.equal(created.status, 201);
    for (const server of scenario.servers) {
      const path = `/services/${encodeURIComponent(sid)}/destinations`;
      const added = await api(path, {
        method: 'POST',
        json: { address: server.address, port: server.port, forwarding: 'masq' },
      });
      assert.equal(added.status, 201);
    }
    assert.deepEqual(scenario.request(40), { ok: 40, failed: 0 });
    const conns = (f) => f.services.find((s) => s.id === sid)?.stats.conns;
    // The kernel publishes counters from its 2 s estimator, so wait for them to settle at 40, and for a
    // rate window (2 s: one counter refresh) that lies wholly after the traffic: rates back at 0.
    const rate = (f) => f.services.find((s) => s.id === sid)?.rates.cps;
    await waitFor(
      '40 connections in a sample, then a sample with no new connections',
      () => {
        const settled = sampleViews.findIndex((view) => conns(view) === 40);
        return settled >= 0 && sampleViews.slice(settled).some((view) => rate(view) === 0);
      },
      15_000,
    );
    const samples = sampleViews;
    let counted = 0;
    let lastHeld = 0;
    for (let i = 1; i < samples.length; i += 1) {
      const service = samples[i].services.find((s) => s.id === sid);
      const part = service ? (service.rates.cps * (samples[i].at - samples[i - 1].at)) / 1000 : 0;
      counted += part;
      if (part > 0) lastHeld = part;
    }
    // Rates go out rounded to about three significant digits and each covers the last 2 s of readings, so
    // uneven sample spacing shifts a little weight between neighbours: allow 3 % (the kernel's own EWMA
    // would be off by far more over a burst this short). A step's rate is held one reading past its
    // period in case the kernel's next run is late (table-sampler.ts); when the traffic has stopped that
    // reading counts again, so the sum may also exceed by at most the last reading with a rate.
    assert.ok(
      counted > 40 - 1.2 && counted < 40 + 1.2 + lastHeld,
      `rates add up to ${counted} connections (the last held reading: ${lastHeld})`,
    );
    const perServer = samples
      .at(-1)
      .services.find((s) => s.id === sid)
      .destinations.map((d) => d.stats.conns);
    assert.deepEqual(perServer, [20, 20]);
  } finally {
    scenario.close();
  }
});

test('/metrics matches ipvsadm and passes promtool', async () => {
  const text = await (
    await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })
  ).text();
  assert.match(
    text,
    /node_ipvs_backend_weight\{local_address="10\.0\.0\.2",local_mark="",local_port="53",proto="UDP",remote_address="10\.0\.2\.1",remote_port="53"\} 1\n/,
  );
  const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
});
