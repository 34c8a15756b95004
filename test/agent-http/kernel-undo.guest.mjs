// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 9's undo and attribution proof on the real
// kernel: undoing each kind of change (POST /changes/:id/revert) gives back exactly what ipvsadm showed
// before it (`-Sn`, the thresholds `-Sn` leaves out, `--timeout`); changes made with ipvsadm are recorded
// as external with the commands that make them; API changes as api, also on the WebSocket with their id.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { liveMessageSchema } from '../../packages/shared/dist/index.js';
import { TOKEN, did, ipvsadm, ipvsadmWith, sid, startAgent, waitFor } from './guest-lib.mjs';

const PORT = 18084;
let agent;
let ws;
const frames = [];

const BASE = `-A -t 10.20.0.1:80 -s wrr -p 300
-a -t 10.20.0.1:80 -r 10.20.1.1:80 -m -w 3 -x 100 -y 10
-a -t 10.20.0.1:80 -r 10.20.1.2:8080 -m -w 0
-A -u [2001:db8:20::1]:53 -s sh -b sh-port
-a -u [2001:db8:20::1]:53 -r [2001:db8:21::1]:53 -g -w 1
-A -f 42 -s lc
-a -f 42 -r 10.20.2.1:0 -i -w 2
`;
const WEB = sid('tcp', '10.20.0.1', 80);
const RS1 = `/services/${WEB}/destinations/${did('10.20.1.1', 80)}`;

/** Everything ipvsadm shows of the table and timeouts: -Sn, and the thresholds -Sn leaves out. */
function kernelState() {
  return [ipvsadm('-Sn'), ipvsadm('-Ln', '--thresholds'), ipvsadm('-L', '--timeout')].join('\n');
}

before(async () => {
  ipvsadm('-C');
  ipvsadmWith(BASE, '-R');
  agent = await startAgent({ port: PORT, stateDir: '/tmp/agent-state-undo' });
  ws = new WebSocket(`ws://127.0.0.1:${PORT}/api/v1/live`, { headers: { authorization: `Bearer ${TOKEN}` } });
  ws.on('message', (data) => frames.push(liveMessageSchema.parse(JSON.parse(String(data)))));
  await waitFor('the first snapshot', () => frames.length > 0);
});

after(async () => {
  ws?.close();
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

/** Makes a change, checks it changed what ipvsadm shows, undoes it, checks ipvsadm shows exactly the start. */
async function undoRestoresExactly(action, change) {
  const start = kernelState();
  const response = await change();
  assert.ok(response.ok, `${action}: ${response.status} ${await response.clone().text()}`);
  const id = response.headers.get('x-change-id');
  assert.ok(id, `${action}: the answer names its change`);
  assert.notEqual(kernelState(), start, `${action} changed the kernel`);
  const record = await (await agent.api(`/changes/${id}`)).json();
  assert.equal(record.action, action);
  assert.equal(record.source, 'api');
  assert.deepEqual(record.actor, { type: 'api', name: 'admin' });
  const started = Date.now();
  const revert = await agent.api(`/changes/${id}/revert`, { method: 'POST', json: {} });
  const body = await revert.json();
  assert.equal(revert.status, 201, JSON.stringify(body));
  assert.equal(body.revertOf, id);
  assert.equal(kernelState(), start, `undo of ${action}: ipvsadm shows exactly what it showed before`);
  return { record, undo: body, ms: Date.now() - started };
}

test('undo of every kind of change gives back exactly the table ipvsadm showed before', async () => {
  const times = {};
  const kinds = [
    [
      'add-service',
      () =>
        agent.api('/services', {
          method: 'POST',
          json: { protocol: 'tcp', address: '10.20.0.2', port: 443, scheduler: 'lc', persistence: 60 },
        }),
    ],
    [
      'edit-service',
      () => agent.api(`/services/${WEB}`, { method: 'PATCH', json: { scheduler: 'rr', persistence: 0 } }),
    ],
    ['delete-service', () => agent.api(`/services/${WEB}`, { method: 'DELETE' })],
    [
      'add-destination',
      () =>
        agent.api(`/services/${WEB}/destinations`, {
          method: 'POST',
          json: { address: '10.20.1.3', port: 80, forwarding: 'masq', weight: 4, upperThreshold: 50 },
        }),
    ],
    [
      'edit-destination',
      () => agent.api(RS1, { method: 'PATCH', json: { weight: 9, upperThreshold: 0, lowerThreshold: 0 } }),
    ],
    ['delete-destination', () => agent.api(RS1, { method: 'DELETE' })],
    ['quiesce', () => agent.api(`${RS1}/quiesce`, { method: 'POST', json: {} })],
    // Replace: the web service edited, the fwmark service dropped, a service added.
    [
      'restore',
      () =>
        agent.api('/config', {
          method: 'PUT',
          text:
            BASE.replace('-s wrr -p 300', '-s wlc').split('-A -f 42')[0] +
            '-A -t 10.20.0.3:25 -s rr\n-a -t 10.20.0.3:25 -r 10.20.3.1:25 -g\n',
        }),
    ],
    [
      'merge',
      () =>
        agent.api('/config', {
          method: 'POST',
          text: '-E -f 42 -s wrr\n-a -f 42 -r 10.20.2.2:0 -i -w 7\n-A -t 10.20.0.4:22 -s rr\n',
        }),
    ],
    ['clear', () => agent.api('/clear', { method: 'POST', json: { confirm: 'clear' } })],
  ];
  for (const [action, change] of kinds) {
    const { ms } = await undoRestoresExactly(action, change);
    times[action] = ms;
  }
  console.log(`undo times (ms): ${JSON.stringify(times)}`);
  // The undo of a quiesce gave the weight back, so nothing is remembered as quiesced any more.
  assert.deepEqual(await (await agent.api('/quiesced')).json(), []);
});

test('undo of a timeouts change gives back exactly what ipvsadm -L --timeout showed', async () => {
  const before = ipvsadm('-L', '--timeout');
  const { record } = await undoRestoresExactly('timeouts', () =>
    agent.api('/timeouts', { method: 'PUT', json: { tcp: 1234, tcpFin: 56, udp: 78 } }),
  );
  assert.match(record.commands[0], /--set 1234 56 78/);
  assert.equal(ipvsadm('-L', '--timeout'), before);
});

test('undo refuses with 409 when the rows changed since, and changes nothing', async () => {
  const edit = await agent.api(RS1, { method: 'PATCH', json: { weight: 8 } });
  assert.equal(edit.status, 200);
  const id = edit.headers.get('x-change-id');
  ipvsadm('-e', '-t', '10.20.0.1:80', '-r', '10.20.1.1:80', '-m', '-w', '6', '-x', '100', '-y', '10');
  const state = kernelState();
  const revert = await agent.api(`/changes/${id}/revert`, { method: 'POST', json: {} });
  assert.equal(revert.status, 409, await revert.clone().text());
  assert.match((await revert.json()).error.message, /10\.20\.1\.1:80/);
  assert.equal(kernelState(), state);
  const since = Date.now() - 1;
  ipvsadm('-e', '-t', '10.20.0.1:80', '-r', '10.20.1.1:80', '-m', '-w', '3', '-x', '100', '-y', '10');
  // Seen before the next test starts: one poll would otherwise report it with that test's first change.
  await logged(`source=external&since=${since}`, (r) => r.commands.some((c) => c.includes('-w 3')));
});

/** The newest change log entry that satisfies `match`. */
const logged = (query, match) =>
  waitFor(`a change log entry (${query})`, async () => {
    const page = await (await agent.api(`/changes?${query}`)).json();
    return page.items.find(match);
  });

test('changes made with ipvsadm are recorded as external, with the ipvsadm commands that make them', async () => {
  const steps = [
    [['-A', '-t', '10.30.0.1:80', '-s', 'rr'], ['ipvsadm -A -t 10.30.0.1:80 -s rr']],
    [
      ['-a', '-t', '10.30.0.1:80', '-r', '10.30.1.1:80', '-m', '-w', '2'],
      ['ipvsadm -a -t 10.30.0.1:80 -r 10.30.1.1:80 -m -w 2'],
    ],
    [
      ['-e', '-t', '10.30.0.1:80', '-r', '10.30.1.1:80', '-m', '-w', '5'],
      ['ipvsadm -e -t 10.30.0.1:80 -r 10.30.1.1:80 -m -w 5'],
    ],
    [['-E', '-t', '10.30.0.1:80', '-s', 'wlc', '-p', '120'], ['ipvsadm -E -t 10.30.0.1:80 -s wlc -p 120']],
    [['-d', '-t', '10.30.0.1:80', '-r', '10.30.1.1:80'], ['ipvsadm -d -t 10.30.0.1:80 -r 10.30.1.1:80']],
    [['-D', '-t', '10.30.0.1:80'], ['ipvsadm -D -t 10.30.0.1:80']],
  ];
  for (const [args, commands] of steps) {
    const seenBefore = new Set(frames.filter((f) => f.type === 'change').map((f) => f));
    const since = Date.now() - 1;
    ipvsadm(...args);
    const record = await logged(`source=external&since=${since}`, (r) =>
      r.services.includes('tcp:10.30.0.1:80'),
    );
    assert.deepEqual(record.actor, { type: 'external' });
    assert.equal(record.action, 'external');
    assert.deepEqual(record.commands, commands, `ipvsadm ${args.join(' ')}`);
    const frame = await waitFor('its change frame', () =>
      frames.find(
        (f) =>
          f.type === 'change' &&
          !seenBefore.has(f) &&
          f.changes.some((c) => c.service === 'tcp:10.30.0.1:80'),
      ),
    );
    assert.equal(frame.source, 'external');
    assert.equal(frame.changeId, undefined);
  }
});

test('API changes are recorded as api, and their change frame carries the change id', async () => {
  const created = await agent.api('/services', {
    method: 'POST',
    json: { protocol: 'tcp', address: '10.30.0.2', port: 80, scheduler: 'rr' },
  });
  assert.equal(created.status, 201);
  const added = await agent.api(`/services/${sid('tcp', '10.30.0.2', 80)}/destinations`, {
    method: 'POST',
    json: { address: '10.30.1.2', port: 80, forwarding: 'masq', weight: 2 },
  });
  assert.equal(added.status, 201);
  for (const [response, kind] of [
    [created, 'service-added'],
    [added, 'destination-added'],
  ]) {
    const id = response.headers.get('x-change-id');
    const record = await (await agent.api(`/changes/${id}`)).json();
    assert.equal(record.source, 'api');
    assert.deepEqual(record.actor, { type: 'api', name: 'admin' });
    const frame = await waitFor(`the change frame of ${id}`, () =>
      frames.find((f) => f.type === 'change' && f.changeId === id),
    );
    assert.equal(frame.source, 'api');
    assert.deepEqual(
      frame.changes.map((c) => c.kind),
      [kind],
    );
  }
  assert.deepEqual(
    (await (await agent.api(`/changes/${added.headers.get('x-change-id')}`)).json()).commands,
    ['ipvsadm -a -t 10.30.0.2:80 -r 10.30.1.2:80 -m -w 2'],
  );
  // Nothing the API did was also taken for an external change.
  const external = await (await agent.api('/changes?source=external&limit=500')).json();
  assert.ok(
    !external.items.some((r) => r.services.includes('tcp:10.30.0.2:80')),
    'no external record of API changes',
  );
});
