// Runs inside the user-mode Linux guest (see run.mjs): restores the benchmark table (1,000 services x 10
// real servers) into an empty kernel table twice, once with `ipvsadm -R` (a process, spawn included) and
// once with PUT /api/v1/config through the real agent on the kernel backend, checks that both leave the
// same `ipvsadm -Sn` table, and prints one JSON object with the times and their ratio as the last line.
// It also times the agent's parse of the text alone, to tell parsing from applying.
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ipvsadmConfigText } from '../../apps/agent/dist/http/restore/ipvsadm-config-text.js';
import { tableRules } from '../ws/table.mjs';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const DESTS = Number(process.env.BENCH_DESTS ?? 10);
const TOKEN = 'bench-restore-token-0123456789';
const PORT = 18090;
const TARGET = 0.2;

function ipvsadm(args, input) {
  const result = spawnSync('ipvsadm', args, { encoding: 'utf8', input, maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`ipvsadm ${args.join(' ')}: ${result.stderr ?? result.error}`);
  return result.stdout;
}

/** Rule lines of `ipvsadm -Sn`, sorted: the kernel table in a form both restores can be compared by. */
function savedTable() {
  return ipvsadm(['-Sn']).split('\n').filter(Boolean).sort();
}

async function startAgent() {
  const args = ['apps/agent/dist/main.js', '--listen', `127.0.0.1:${PORT}`, '--token', TOKEN];
  const child = spawn(process.execPath, [...args, '--interval', '1', '--state-dir', '/tmp/bench-restore'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes(`/?token=${TOKEN}`)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the agent exited (${code}):\n${output}`)));
  });
  if (!output.includes('backend: kernel')) throw new Error(`the agent did not pick the kernel:\n${output}`);
  return child;
}

async function putConfig(text) {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/config`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
    body: text,
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`PUT /api/v1/config: ${response.status} ${body}`);
  return JSON.parse(body);
}

async function main() {
  const text = tableRules(SERVICES, DESTS);
  const lines = text.trim().split('\n').length;
  ipvsadm(['-C']);
  let started = performance.now();
  ipvsadm(['-R'], text);
  const ipvsadmMs = performance.now() - started;
  const byIpvsadm = savedTable();
  console.log(`ipvsadm -R of ${lines} lines: ${ipvsadmMs.toFixed(0)} ms; ${byIpvsadm.length} rules`);
  ipvsadm(['-C']);

  // Diagnosis: the agent's parse of the same text on its own, in this process (no kernel involved).
  started = performance.now();
  ipvsadmConfigText.parse(text);
  const parseMs = performance.now() - started;
  console.log(`the agent's parse of the text alone (ipvsadmConfigText.parse): ${parseMs.toFixed(0)} ms`);

  const agent = await startAgent();
  try {
    started = performance.now();
    const plan = await putConfig(text);
    const agentMs = performance.now() - started;
    const byAgent = savedTable();
    console.log(`PUT /api/v1/config: ${agentMs.toFixed(0)} ms; plan ${JSON.stringify(plan).slice(0, 120)}`);
    if (byAgent.join('\n') !== byIpvsadm.join('\n'))
      throw new Error('the agent left a different table than ipvsadm -R');
    console.log(`both left the same ${byAgent.length}-rule table (ipvsadm -Sn)`);
    console.log(
      JSON.stringify({
        services: SERVICES,
        realServers: SERVICES * DESTS,
        lines,
        ipvsadmRestoreMs: Number(ipvsadmMs.toFixed(1)),
        agentPutConfigMs: Number(agentMs.toFixed(1)),
        agentParseAloneMs: Number(parseMs.toFixed(1)),
        ratioAgentToIpvsadm: Number((agentMs / ipvsadmMs).toFixed(3)),
        ratioTarget: TARGET,
        meetsTarget: agentMs / ipvsadmMs <= TARGET,
      }),
    );
  } finally {
    const exited = new Promise((resolve) => agent.once('exit', resolve));
    agent.kill('SIGTERM');
    await exited;
    ipvsadm(['-C']);
  }
}

await main();
