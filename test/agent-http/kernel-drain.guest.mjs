// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 12's proof of drain to completion on the real
// kernel: two real servers in network namespaces hold long-lived TCP connections (held-connections.mjs) made
// from the client namespace through a NAT service on the VIP. A drain (then: remove) takes the server to
// weight 0 at once in the kernel, no new connection reaches it, it keeps running while connections are open,
// and once they close the server leaves the kernel table (`ipvsadm -Ln`) by one change. A second case lets
// the deadline pass with connections open; a third drains a persistent service and follows its template.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ipvsadm, pause, sid, waitFor } from './guest-lib.mjs';
import {
  PORT,
  VIP,
  expectStatus,
  holdingClient,
  kernelLine,
  kernelRow,
  kernelTemplates,
  rsPath,
  startDrainScenario,
} from './drain-setup.mjs';

const STATE = '/tmp/agent-state-drain';

let agent;
let scenario;
let setup;

const client = () => holdingClient(scenario.clientNetns);
const drain = async (server) => (await agent.api(`${rsPath(server)}/drain`)).json();

/** Whatever a failed test left: its drain cancelled, its connections reset. */
async function cleanUp(c, server) {
  await agent.api(`${rsPath(server)}/drain`, { method: 'DELETE' });
  await c.reset().catch(() => undefined);
  await c.stop();
}

async function addServer(server, weight = 1) {
  if (kernelLine(server)) {
    await expectStatus(await agent.api(rsPath(server), { method: 'PATCH', json: { weight } }), 200);
    return;
  }
  const added = await agent.api(`/services/${sid('tcp', VIP, PORT)}/destinations`, {
    method: 'POST',
    json: {
      address: server.address,
      port: PORT,
      forwarding: 'masq',
      weight,
      upperThreshold: 0,
      lowerThreshold: 0,
    },
  });
  await expectStatus(added, 201);
}

before(async () => {
  // rs1 starts at weight 3 (rr ignores it) so its undo below shows the weight before the drain coming back.
  setup = await startDrainScenario({ port: 18087, stateDir: STATE, weights: [3, 1] });
  ({ agent, scenario } = setup);
});

after(async () => {
  setup?.close();
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

test('then remove: weight 0 at once, no new connection, running while connections are open, removed once they close', async () => {
  const [rs1, rs2] = scenario.servers;
  const c = client();
  try {
    const reached = await c.open(6);
    const onRs1 = reached.filter((name) => name === rs1.name).length;
    assert.ok(onRs1 >= 2, `rr gave rs1 connections: ${reached.join(', ')}`);
    await waitFor(
      'the agent sees them',
      async () => (await (await agent.api(rsPath(rs1))).json()).activeConns === onRs1,
    );
    const started = await agent.api(`${rsPath(rs1)}/drain`, {
      method: 'POST',
      json: { then: 'remove', deadlineSeconds: 300 },
    });
    await expectStatus(started, 201);
    const answer = await started.json();
    assert.deepEqual(answer.drain.atStart, { active: onRs1, inactive: 0, templates: 0 });
    assert.equal(answer.warning, null, 'no persistence: no warning');
    assert.equal(kernelRow(rs1).weight, 0, 'the kernel weight is 0 as soon as the drain is answered');
    const refused = await agent.api(`${rsPath(rs1)}/unquiesce`, { method: 'POST', json: {} });
    assert.equal(refused.status, 409);
    assert.match((await refused.json()).error.message, /is being drained .* Cancel the drain first: DELETE /);
    assert.equal(kernelRow(rs1).weight, 0, 'the refused unquiesce changed nothing in the kernel');

    const fresh = await c.open(4);
    assert.deepEqual(
      fresh,
      [rs2.name, rs2.name, rs2.name, rs2.name],
      'no new connection reaches the draining server',
    );
    await pause(3000);
    const running = await drain(rs1);
    assert.equal(running.now.active, onRs1, 'its connections are still open');
    assert.equal(running.left, onRs1);
    assert.ok(kernelLine(rs1), 'still in the kernel table while connections are open');
    assert.equal(
      (await (await agent.api(rsPath(rs1))).json()).drain.left,
      onRs1,
      'the read carries the progress',
    );

    const closedAt = Date.now();
    await c.reset();
    const progress = [];
    await waitFor(
      'rs1 gone from ipvsadm -Ln',
      async () => {
        const r = await agent.api(`${rsPath(rs1)}/drain`);
        if (r.status === 200) progress.push(await r.json());
        return kernelLine(rs1) === undefined;
      },
      60_000,
      500,
    );
    const seconds = (Date.now() - closedAt) / 1000;
    const last = progress.at(-1);
    console.log(
      `drain on the real kernel: ${onRs1} connections reset, server removed ${seconds.toFixed(1)} s later; last progress ${JSON.stringify({ now: last?.now, perSecond: last?.perSecond, secondsLeft: last?.secondsLeft })}`,
    );
    assert.ok(
      progress.some((p) => p.now.active === 0 && p.now.inactive > 0),
      'reset connections counted as inactive until the kernel expired them',
    );
    const changes = (await (await agent.api('/changes?limit=2')).json()).items;
    assert.deepEqual(
      changes.map((ch) => [ch.action, ch.commands]),
      [
        ['drain-remove', [`ipvsadm -d -t ${VIP}:${PORT} -r ${rs1.address}:${PORT}`]],
        ['drain', [`ipvsadm -e -t ${VIP}:${PORT} -r ${rs1.address}:${PORT} -m -w 0`]],
      ],
    );
    assert.equal((await agent.api(`${rsPath(rs1)}/drain`)).status, 404);

    // Undo of the removal: back in the kernel at weight 0, held by the operator, no new connection; an
    // unquiesce gives back its weight before the drain.
    const undo = await agent.api(`/changes/${changes[0].id}/revert`, { method: 'POST', json: {} });
    await expectStatus(undo, 201);
    assert.equal(kernelRow(rs1)?.weight, 0, 'undo brings it back at weight 0');
    const back = await (await agent.api(rsPath(rs1))).json();
    assert.deepEqual(
      back.holds.map((h) => h.kind),
      ['operator'],
    );
    assert.deepEqual(await c.open(2), [rs2.name, rs2.name], 'still no new connection after the undo');
    await expectStatus(await agent.api(`${rsPath(rs1)}/unquiesce`, { method: 'POST', json: {} }), 200);
    assert.equal(kernelRow(rs1).weight, 3, 'unquiesce gives back its weight before the drain');
  } finally {
    await cleanUp(c, rs1);
  }
});

test('the deadline passes with connections still open: removed anyway, and the change says so', async () => {
  const [rs1] = scenario.servers;
  await addServer(rs1);
  const c = client();
  try {
    const reached = await c.open(4);
    const onRs1 = reached.filter((name) => name === rs1.name).length;
    assert.ok(onRs1 >= 1, `rs1 got connections: ${reached.join(', ')}`);
    await waitFor(
      'the agent sees them',
      async () => (await (await agent.api(rsPath(rs1))).json()).activeConns === onRs1,
    );
    const startedAt = Date.now();
    const started = await agent.api(`${rsPath(rs1)}/drain`, {
      method: 'POST',
      json: { then: 'remove', deadlineSeconds: 4 },
    });
    await expectStatus(started, 201);
    await pause(2000);
    // On a busy host the read itself may come after the deadline: only then may the server be gone.
    const readAt = Date.now();
    assert.ok(kernelLine(rs1) || readAt - startedAt >= 4000, 'still there before the deadline');
    await waitFor('rs1 removed at the deadline', () => kernelLine(rs1) === undefined, 20_000, 100);
    const seconds = (Date.now() - startedAt) / 1000;
    console.log(`deadline 4 s: removed after ${seconds.toFixed(1)} s with ${onRs1} connection(s) open`);
    assert.ok(seconds >= 4, `not before the deadline (${seconds} s)`);
    const [removal] = (await (await agent.api('/changes?limit=1')).json()).items;
    assert.equal(removal.action, 'drain-remove');
    assert.match(removal.summary, /deadline of 4 s passed with \d+ connection/);
  } finally {
    await cleanUp(c, rs1);
  }
});

test('a persistent service: the dry run warns, the template is counted, a returning client still reaches the server', async () => {
  // rs2 is drained here: rs1 came back from the kernel's trash (ip_vs_trash_get_dest) with the connections
  // the last case left open, whose packets the kernel dropped while it was gone (expire_nodest_conn 0).
  const [rs1, rs2] = scenario.servers;
  await addServer(rs1, 0);
  // The connections the earlier cases reset on rs2 count until the kernel expires them (CLOSE, 10 s).
  await waitFor(
    'no connection left on rs2',
    () => kernelRow(rs2).active + kernelRow(rs2).inactive === 0,
    40_000,
    500,
  );
  const service = `/services/${sid('tcp', VIP, PORT)}`;
  assert.equal((await agent.api(service, { method: 'PATCH', json: { persistence: 300 } })).status, 200);
  // The client's template goes to rs2: rs1 is out while it is made.
  const c = client();
  try {
    assert.deepEqual(await c.open(2), [rs2.name, rs2.name]);
    assert.equal((await agent.api(rsPath(rs1), { method: 'PATCH', json: { weight: 1 } })).status, 200);
    assert.equal(kernelTemplates(rs2), 1, 'ipvsadm -Lnc lists one template for rs2');

    const dry = await agent.api(`${rsPath(rs2)}/drain?dryRun=1`, {
      method: 'POST',
      json: { then: 'keep', deadlineSeconds: 6 },
    });
    assert.equal(dry.status, 200);
    const warned = await dry.json();
    assert.equal(warned.drain, null);
    assert.equal(warned.warning.code, 'QUIESCENT_TEMPLATES_KEPT');
    assert.equal(warned.warning.fix, 'sysctl -w net.ipv4.vs.expire_quiescent_template=1');
    assert.equal(kernelRow(rs2).weight, 1, 'the dry run changed nothing');

    const started = await agent.api(`${rsPath(rs2)}/drain`, {
      method: 'POST',
      json: { then: 'keep', deadlineSeconds: 6 },
    });
    assert.equal(started.status, 201);
    assert.deepEqual((await started.json()).drain.atStart, { active: 2, inactive: 0, templates: 1 });
    assert.deepEqual(
      await c.open(1),
      [rs2.name],
      'the returning client still reaches the server at weight 0',
    );
    await waitFor('three connections and the template followed', async () => {
      const p = await drain(rs2);
      return p.now.active === 3 && p.now.templates === kernelTemplates(rs2);
    });
    const finishedAt = Date.now();
    await waitFor(
      'kept at the deadline',
      async () => (await agent.api(`${rsPath(rs2)}/drain`)).status === 404,
      20_000,
      200,
    );
    console.log(
      `persistent drain kept out at its deadline (${((Date.now() - finishedAt) / 1000).toFixed(1)} s after the last check)`,
    );
    const kept = await (await agent.api(rsPath(rs2))).json();
    assert.equal(kernelRow(rs2).weight, 0, 'kept out at weight 0 in the kernel');
    assert.deepEqual(
      kept.holds.map((h) => h.kind),
      ['operator'],
    );
    assert.equal((await agent.api(`${rsPath(rs2)}/unquiesce`, { method: 'POST', json: {} })).status, 200);
    assert.equal(kernelRow(rs2).weight, 1, 'an ordinary unquiesce brings it back at its weight');
  } finally {
    await cleanUp(c, rs2);
    await agent.api(rsPath(rs2), { method: 'PATCH', json: { weight: 1 } });
  }
});
