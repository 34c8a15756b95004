// Runs INSIDE the user-mode Linux guest (see run.mjs). GET /connections?service=<fwmark sid> on the real
// kernel: /proc/net/ip_vs_conn names no service, so the agent finds a fwmark service's entries by its
// templates (the mark) and its real servers (service-filter.ts). A client in its own namespace sends HTTP
// requests to VIP:80, which iptables marks 1 (fwmark service, persistent), and to VIP:81 (a TCP service on
// the same real servers); each service must list exactly its own entries, as ipvsadm -Lcn shows them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { ipvsadm, ipvsadmWith, startAgent } from './guest-lib.mjs';

const VIP = '10.10.0.100';
const MARK = 1;
// iptables-legacy: in this guest's kernel (Debian's linux.uml 6.1) nf_tables refuses to create any table
// (EOPNOTSUPP, for nft and iptables-nft alike), while the x_tables mangle table works.
const MARK_RULE = [
  'PREROUTING',
  '-d',
  VIP,
  '-p',
  'tcp',
  '--dport',
  '80',
  '-j',
  'MARK',
  '--set-mark',
  String(MARK),
];
const mangle = (...args) => execFileSync('iptables-legacy', ['-t', 'mangle', ...args], { encoding: 'utf8' });
let agent;
let scenario;

before(async () => {
  ipvsadm('-C');
  scenario = createNatScenario(2);
  // Marked where IPVS will see it: in PREROUTING, before the director's LOCAL_IN.
  mangle('-A', ...MARK_RULE);
  const servers = scenario.servers.map((s) => s.address);
  ipvsadmWith(
    [
      `-A -f ${MARK} -s rr -p 120`,
      ...servers.map((address) => `-a -f ${MARK} -r ${address}:80 -m -w 1`),
      `-A -t ${VIP}:81 -s rr`,
      ...servers.map((address) => `-a -t ${VIP}:81 -r ${address}:80 -m -w 1`),
    ].join('\n') + '\n',
    '-R',
  );
  agent = await startAgent({ port: 18086, stateDir: '/tmp/agent-state-fwmark' });
});

after(async () => {
  scenario?.close();
  try {
    mangle('-D', ...MARK_RULE);
  } finally {
    if (agent) assert.equal(await agent.stop(), 0, 'the agent exits 0 on SIGTERM');
    ipvsadm('-C');
  }
});

/** `ipvsadm -Lcn` rows: "TCP 01:59 TIME_WAIT 10.10.1.2:40001 10.10.0.100:80 10.10.10.2:80". */
function kernelEntries() {
  return ipvsadm('-Lcn')
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const [protocol, , state, client, virtual, destination] = line.trim().split(/\s+/);
      return { protocol, state, client, virtual, destination };
    });
}

async function listed(service) {
  const response = await agent.api(
    `/connections?service=${encodeURIComponent(service)}&templates=last&limit=1000`,
  );
  assert.equal(response.status, 200, await response.clone().text());
  const { total, items } = await response.json();
  assert.equal(total, items.length, 'one page holds them all');
  return items;
}

const clientOf = (c) => `${c.clientAddress}:${c.clientPort}`;
const sorted = (list) => [...list].sort();

test('a fwmark service lists its own connections and template, and no other service lists them', async () => {
  assert.deepEqual(scenario.request(4), { ok: 4, failed: 0 }, 'marked requests to VIP:80 get through');
  assert.deepEqual(scenario.request(3, { port: 81 }), { ok: 3, failed: 0 }, 'requests to VIP:81');

  const kernel = kernelEntries();
  const marked = kernel.filter((e) => e.virtual === `${VIP}:80`);
  const plain = kernel.filter((e) => e.virtual === `${VIP}:81`);
  assert.equal(marked.length, 4, `the kernel holds the 4 marked connections: ${JSON.stringify(kernel)}`);
  assert.equal(plain.length, 3, `and the 3 to :81: ${JSON.stringify(kernel)}`);

  const fwmark = await listed(`fwmark:${MARK}`);
  const connections = fwmark.filter((c) => !c.template);
  const templates = fwmark.filter((c) => c.template);
  assert.deepEqual(
    sorted(connections.map(clientOf)),
    sorted(marked.map((e) => e.client)),
    'the fwmark service lists exactly the connections ipvsadm -Lcn shows to the marked VIP:80',
  );
  assert.ok(
    connections.every((c) => c.virtualPort === 80 && c.virtualAddress === VIP),
    JSON.stringify(connections),
  );
  // Persistence (-p 120): one template for the client, the mark where the address goes.
  assert.deepEqual(
    templates.map((c) => [c.fwmark, c.clientAddress]),
    [[MARK, scenario.clientAddress]],
    JSON.stringify(templates),
  );

  const tcp = await listed(`tcp:${VIP}:81`);
  assert.deepEqual(
    sorted(tcp.map(clientOf)),
    sorted(plain.map((e) => e.client)),
    'the TCP service on :81 lists its own three and none of the marked ones',
  );
  assert.deepEqual(await listed(`fwmark:${MARK + 1}`), [], 'a mark with no service lists nothing');
});
