// Runs INSIDE the user-mode Linux guest (see run.mjs): the agent's /metrics node_ipvs_* series against what
// prometheus-node-exporter's own ipvs collector reports for the same kernel table: the benchmark table
// (1,000 TCP services x 10 NAT real servers), plus NAT services (TCP, UDP, fwmark) of
// test/kernel/scenario with real HTTP traffic through them, stopped before the scrapes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { tableRules } from '../../bench/ws/table.mjs';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { ipvsadm, startAgentProcess, startNodeExporter } from '../kernel/guest/guest-processes.mjs';
import { familyLines, parseSeries, seriesDifferences } from './prometheus-text.mjs';

const TOKEN = 'metrics-kernel-token-0123456789';
const AGENT = 'http://127.0.0.1:18095';
const NODE_EXPORTER = 'http://127.0.0.1:9100';
const SERVICES = Number(process.env.METRICS_SERVICES ?? 1000);
const daemons = [];
let scenario;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function scrapeText(url, headers = {}) {
  const response = await fetch(url, { headers });
  assert.equal(response.status, 200, `${url} answers 200`);
  return response.text();
}

async function scrape(url, headers = {}) {
  return parseSeries(await scrapeText(url, headers), 'node_ipvs_');
}

before(async () => {
  ipvsadm(['-C']);
  scenario = createNatScenario(2, 80);
  const [first, second] = scenario.servers;
  const nat = (flag) =>
    scenario.servers.map((s, i) => `-a ${flag} -r ${s.address}:80 -m -w ${i + 1}`).join('\n');
  // The scenario's VIP on TCP 80 and UDP 53 (no UDP server: datagrams count, nothing answers), and an
  // unused fwmark service: node_exporter labels it proto FWM with local_mark set.
  const extra = [
    `-A -t ${scenario.vip}:80 -s rr`,
    nat(`-t ${scenario.vip}:80`),
    `-A -u ${scenario.vip}:53 -s rr`,
    `-a -u ${scenario.vip}:53 -r ${first.address}:53 -m -w 3`,
    '-A -f 7 -s wlc',
    `-a -f 7 -r ${second.address}:80 -m -w 0`,
  ].join('\n');
  ipvsadm(['-R'], `${tableRules(SERVICES, 10)}${extra}\n`);
  const stopHolding = scenario.holdConnection();
  assert.deepEqual(scenario.request(20), { ok: 20, failed: 0 });
  stopHolding();
  daemons.push(await startNodeExporter());
  daemons.push(await startAgentProcess({ port: 18095, token: TOKEN, stateDir: '/tmp/metrics-kernel' }));
  // The kernel folds per-CPU counters into what both read every 2 s (ip_vs_est.c); let it settle.
  await sleep(5000);
});

after(async () => {
  await Promise.all(daemons.map((daemon) => daemon.stop()));
  scenario?.close();
  ipvsadm(['-C']);
});

// First: the TIME_WAIT entries it counts expire 2 minutes after the requests, and a comparison of
// 1,000 x 10 in a guest on a busy host can take longer than that.
test('traffic went through the NAT service and both count it', async () => {
  const agent = await scrape(`${AGENT}/metrics`, { authorization: `Bearer ${TOKEN}` });
  assert.ok((agent.get('node_ipvs_connections_total{}') ?? 0) >= 21, 'at least 21 connections counted');
  assert.ok((agent.get('node_ipvs_incoming_packets_total{}') ?? 0) > 0);
  const inactive = [...agent].filter(
    ([id, v]) => id.startsWith('node_ipvs_backend_connections_inactive') && v > 0,
  );
  assert.ok(inactive.length >= 2, 'both scenario servers hold TIME_WAIT entries');
});

test('the agent reports every node_ipvs_* series node_exporter reports, with the same labels and values', async () => {
  let problems = [];
  // Retried: a TIME_WAIT entry may expire between the scrapes and then the agent's reading must catch up.
  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = await scrape(`${NODE_EXPORTER}/metrics`);
    const agent = await scrape(`${AGENT}/metrics`, { authorization: `Bearer ${TOKEN}` });
    const referenceAfter = await scrape(`${NODE_EXPORTER}/metrics`);
    problems = seriesDifferences(agent, reference, referenceAfter);
    assert.ok(reference.size >= SERVICES * 10 * 3 + 5, `node_exporter lists ${reference.size} series`);
    console.log(
      `attempt ${attempt + 1}: ${agent.size} series from the agent, ${problems.length} differences`,
    );
    if (problems.length === 0) break;
    await sleep(1500);
  }
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} differences`);
});

test('the comparison notices one weight changed by ipvsadm after the agent was read', async () => {
  const agent = await scrape(`${AGENT}/metrics`, { authorization: `Bearer ${TOKEN}` });
  const target = scenario.servers[1];
  ipvsadm(['-e', '-f', '7', '-r', `${target.address}:80`, '-m', '-w', '5']);
  const reference = await scrape(`${NODE_EXPORTER}/metrics`);
  const problems = seriesDifferences(agent, reference, reference);
  const weight = problems.filter((line) => line.startsWith('value: node_ipvs_backend_weight'));
  assert.equal(weight.length, 1, problems.join('\n'));
  // node_exporter keeps /proc/net/ip_vs's spelling of the mark: 8 hex digits (ip_vs_ctl.c, "FWM  %08X").
  assert.match(weight[0] ?? '', /local_mark="00000007".*\} 0, node_exporter 5\.\.5$/);
});

test("the agent's node_ipvs_* text is node_exporter's, byte for byte, and its default body is no larger", async () => {
  let same = false;
  let sizes = '';
  // Retried: the comparison holds only when nothing moved between node_exporter's two scrapes.
  for (let attempt = 0; attempt < 5 && !same; attempt++) {
    const reference = await scrapeText(`${NODE_EXPORTER}/metrics`);
    const agent = await scrapeText(`${AGENT}/metrics`, { authorization: `Bearer ${TOKEN}` });
    const referenceAfter = await scrapeText(`${NODE_EXPORTER}/metrics`);
    const expected = familyLines(reference, 'node_ipvs_');
    if (expected !== familyLines(referenceAfter, 'node_ipvs_')) continue;
    same = familyLines(agent, 'node_ipvs_') === expected;
    sizes = `agent ${agent.length} bytes, node_exporter ${reference.length} bytes`;
    assert.ok(agent.length <= reference.length, sizes);
    if (!same) await sleep(1500);
  }
  assert.ok(same, `node_ipvs_* text differs from node_exporter's (${sizes})`);
  console.log(`node_ipvs_* identical; ${sizes}`);
});
