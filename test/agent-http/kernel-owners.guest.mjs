// Runs INSIDE the user-mode Linux guest (see run.mjs). Issue 12 "who else owns the table": a real
// keepalived (Debian's) manages a virtual server in the same kernel as the agent. GET /info names it (its
// pid, its configuration, the services it manages, its VRRP instance judged from the addresses this host
// holds), the change it makes to the table is recorded as external with keepalived as its likely author,
// and keepalived's configuration is left exactly as it was.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { ipvsadm, pause, startAgent, waitFor } from './guest-lib.mjs';

const PORT = 18087;
const CONFIG = '/tmp/keepalived-owner-test.conf';
const VIP = '10.77.0.1';
const VRRP_ADDRESS = '10.77.9.9';
const CONFIG_TEXT = `global_defs {
    router_id OWNER_TEST
}
vrrp_instance VI_TEST {
    state BACKUP
    interface lo
    virtual_router_id 77
    priority 100
    virtual_ipaddress {
        ${VRRP_ADDRESS}/32
    }
}
virtual_server ${VIP} 80 {
    lb_algo wrr
    lb_kind NAT
    protocol TCP
    real_server 10.77.1.1 80 {
        weight 4
    }
}
`;

let agent;
let keepalived;
let keepalivedOutput = '';

async function info() {
  const response = await agent.api('/info');
  assert.equal(response.status, 200);
  return response.json();
}

before(async () => {
  ipvsadm('-C');
  writeFileSync(CONFIG, CONFIG_TEXT);
  agent = await startAgent({ port: PORT, stateDir: '/tmp/agent-state-owners' });
  assert.deepEqual((await info()).owners, [], 'nobody else manages the table yet');
  // Checkers only (-C): the VRRP part would need a real interface; its configuration is read all the same.
  keepalived = spawn(
    'keepalived',
    [
      '--dont-fork',
      '--log-console',
      '--check',
      '--use-file',
      CONFIG,
      '--pid',
      '/tmp/ka-owner.pid',
      '--checkers_pid',
      '/tmp/ka-owner-checkers.pid',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  keepalived.stdout.on('data', (chunk) => (keepalivedOutput += chunk));
  keepalived.stderr.on('data', (chunk) => (keepalivedOutput += chunk));
  await waitFor(
    'keepalived to create its virtual server',
    () => ipvsadm('-Sn').includes(`-A -t ${VIP}:80`),
    15_000,
  ).catch((error) => {
    throw new Error(`${error.message}; keepalived said:\n${keepalivedOutput}`);
  });
});

after(async () => {
  if (keepalived && keepalived.exitCode === null) {
    const exited = new Promise((resolve) => keepalived.once('exit', resolve));
    keepalived.kill('SIGTERM');
    await exited;
  }
  if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
  ipvsadm('-C');
});

test('GET /info names keepalived, its configuration and the services it manages', async () => {
  const owner = await waitFor('keepalived in /info owners', async () => (await info()).owners[0], 15_000);
  assert.deepEqual(
    { ...owner, vrrp: undefined },
    {
      name: 'keepalived',
      pid: keepalived.pid,
      config: CONFIG,
      services: [`tcp:${VIP}:80`],
      vrrp: undefined,
      note: null,
    },
  );
  assert.deepEqual(owner.vrrp, [
    { instance: 'VI_TEST', configuredState: 'backup', state: 'backup', virtualAddresses: [VRRP_ADDRESS] },
  ]);
});

test('its VRRP instance reads master while this host holds the instance address', async () => {
  // The address keepalived would add as MASTER; we add it ourselves (its VRRP part is not running).
  spawnSyncOk('ip', ['addr', 'add', `${VRRP_ADDRESS}/32`, 'dev', 'lo']);
  try {
    await waitFor(
      'state master',
      async () => (await info()).owners[0]?.vrrp[0]?.state === 'master',
      15_000,
      500,
    );
  } finally {
    spawnSyncOk('ip', ['addr', 'del', `${VRRP_ADDRESS}/32`, 'dev', 'lo']);
  }
});

test("keepalived's change to the table is recorded as external, keepalived its likely author", async () => {
  const response = await agent.api('/changes?source=external');
  const { items } = await response.json();
  const created = items.find((record) => record.services.includes(`tcp:${VIP}:80`));
  assert.ok(created, JSON.stringify(items));
  assert.deepEqual(created.actor, { type: 'external', likely: ['keepalived'] });
  assert.match(created.summary, /likely keepalived/);
  assert.ok(created.commands.includes(`ipvsadm -A -t ${VIP}:80 -s wrr`), created.commands.join('\n'));
});

test("keepalived's configuration is left as it was; when it stops, it is no longer named", async () => {
  const { mtimeMs } = statSync(CONFIG);
  assert.equal(readFileSync(CONFIG, 'utf8'), CONFIG_TEXT);
  const exited = new Promise((resolve) => keepalived.once('exit', resolve));
  keepalived.kill('SIGTERM');
  await exited;
  await pause(100);
  await waitFor('no owner', async () => (await info()).owners.length === 0, 15_000, 500);
  assert.equal(statSync(CONFIG).mtimeMs, mtimeMs);
});

function spawnSyncOk(command, args) {
  const { status, stderr } = spawnSync(command, args, { encoding: 'utf8' });
  assert.equal(status, 0, `${command} ${args.join(' ')}: ${stderr}`);
}
