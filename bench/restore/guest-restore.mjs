// Runs inside the user-mode Linux guest (see run.mjs): restores the benchmark table (1,000 services x 10
// real servers) into an empty kernel table twice, once with `ipvsadm -R` (a process, spawn included) and
// once with PUT /api/v1/config through the real agent on the kernel backend, checks that both leave the
// same `ipvsadm -Sn` table, BENCH_RUNS rounds of one each (default 7; the agent is started once, as the
// daemon it is, so its first PUT is also its coldest), and prints one JSON object with the medians and
// their ratio as the last line. It also times the agent's parse of the text alone, to tell parsing from applying.
import { performance } from 'node:perf_hooks';
import { ipvsadmConfigText } from '../../apps/agent/dist/http/restore/ipvsadm-config-text.js';
import { ipvsadm, startAgentProcess } from '../../test/kernel/guest/guest-processes.mjs';
import { tableRules } from '../ws/table.mjs';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const DESTS = Number(process.env.BENCH_DESTS ?? 10);
const TOKEN = 'bench-restore-token-0123456789';
const PORT = 18090;
const TARGET = 0.2;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Rule lines of `ipvsadm -Sn`, sorted: the kernel table in a form both restores can be compared by. */
function savedTable() {
  return ipvsadm(['-Sn']).split('\n').filter(Boolean).sort();
}

async function putConfig(text) {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/config`, {
    method: 'PUT',
    // As the web app applies a plan it has shown: only the counts and the change id come back.
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain', prefer: 'return=minimal' },
    body: text,
  });
  const headersAt = performance.now();
  const body = await response.text();
  if (!response.ok) throw new Error(`PUT /api/v1/config: ${response.status} ${body}`);
  const plan = JSON.parse(body);
  // How long the response body took to arrive and parse here, after its headers.
  const bodyMs = performance.now() - headersAt;
  const serverTiming = response.headers.get('server-timing') ?? '';
  return {
    plan,
    // The agent's phases, then the client's: the answer's body from its headers to parsed here.
    phases: { ...phasesOf(serverTiming), body: bodyMs },
    timing: `${serverTiming}; response body ${bodyMs.toFixed(0)} ms`,
  };
}

/** `parse;dur=12.3, journal;dur=4.5` -> { parse: 12.3, journal: 4.5 }. */
function phasesOf(serverTiming) {
  const phases = {};
  for (const entry of serverTiming.split(',')) {
    const match = /^\s*([\w-]+);dur=([\d.]+)/.exec(entry);
    if (match) phases[match[1]] = Number(match[2]);
  }
  return phases;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round1 = (value) => Number(value.toFixed(1));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function timeIpvsadmRestore(text) {
  ipvsadm(['-C']);
  const started = performance.now();
  ipvsadm(['-R'], text);
  return performance.now() - started;
}

/** The agent's PUT of `text` into an empty table, timed; checks the plan and the table it leaves. */
async function timeAgentRestore(text, lines, byIpvsadm, run) {
  ipvsadm(['-C']);
  // Let the agent's poller see the empty table (and finish re-reading the previous restore), so each
  // PUT is timed on its own, as a user's would be.
  await pause(2500);
  const started = performance.now();
  const { plan, phases, timing } = await putConfig(text);
  const ms = performance.now() - started;
  // The agent's own account of the steps (Server-Timing), to tell where the time went.
  console.log(`PUT ${run + 1}: ${ms.toFixed(0)} ms; agent: ${timing}`);
  if (plan.added !== lines) throw new Error(`the change added ${plan.added} of ${lines} lines`);
  if (savedTable().join('\n') !== byIpvsadm.join('\n'))
    throw new Error('the agent left a different table than ipvsadm -R');
  return { ms, phases };
}

async function main() {
  const text = tableRules(SERVICES, DESTS);
  const lines = text.trim().split('\n').length;
  // One untimed restore first: the guest's kernel is slow at its first big table (ipvsadm -R took 10-14 s
  // in the first rounds and 3-5 s after, seen on a quiet host), and both sides must see the same kernel.
  timeIpvsadmRestore(text);
  const byIpvsadm = savedTable();
  ipvsadm(['-C']);

  // Diagnosis: the agent's parse of the same text on its own, in this process (no kernel involved).
  const parseRuns = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    ipvsadmConfigText.parse(text);
    parseRuns.push(performance.now() - started);
  }
  console.log(
    `the agent's parse alone (ipvsadmConfigText.parse, ms): ${parseRuns.map((ms) => ms.toFixed(0)).join(' ')}`,
  );

  const agent = await startAgentProcess({ port: PORT, token: TOKEN, stateDir: '/tmp/bench-restore' });
  const ipvsadmRuns = [];
  const agentRuns = [];
  const agentPhases = [];
  try {
    // Rounds alternate the two, so both meet the kernel in the same state. The agent is stopped
    // (SIGSTOP) while ipvsadm runs: its poller would otherwise read the growing table on the guest's one
    // CPU and slow ipvsadm down.
    for (let run = 0; run < RUNS; run++) {
      agent.child.kill('SIGSTOP');
      try {
        ipvsadmRuns.push(timeIpvsadmRestore(text));
        ipvsadm(['-C']);
      } finally {
        agent.child.kill('SIGCONT');
      }
      const { ms, phases } = await timeAgentRestore(text, lines, byIpvsadm, run);
      agentRuns.push(ms);
      agentPhases.push(phases);
    }
    console.log(`ipvsadm -R of ${lines} lines (ms): ${ipvsadmRuns.map((ms) => ms.toFixed(0)).join(' ')}`);
    console.log(
      `PUT /api/v1/config (ms, the first on a freshly started agent): ${agentRuns.map((ms) => ms.toFixed(0)).join(' ')}`,
    );
    console.log(`each PUT left the same ${byIpvsadm.length}-rule table as ipvsadm -R (ipvsadm -Sn)`);
    const ipvsadmMs = median(ipvsadmRuns);
    const agentMs = median(agentRuns);
    console.log(
      JSON.stringify({
        services: SERVICES,
        realServers: SERVICES * DESTS,
        lines,
        runs: RUNS,
        ipvsadmRestoreMedianMs: round1(ipvsadmMs),
        agentPutConfigMedianMs: round1(agentMs),
        agentFirstPutMs: round1(agentRuns[0]),
        agentParseAloneMedianMs: round1(median(parseRuns)),
        // The change pipeline's durable records: the write-ahead journal fsynced before the first kernel
        // step, and the audit log entry after the last (progress lines of the journal are inside apply).
        journalMedianMs: round1(median(agentPhases.map((phases) => phases.journal ?? 0))),
        auditMedianMs: round1(median(agentPhases.map((phases) => phases.audit ?? 0))),
        applyMedianMs: round1(median(agentPhases.map((phases) => phases.apply ?? 0))),
        // Every phase (Server-Timing's, in order, then the client's `body`): where a PUT's time goes.
        phaseMediansMs: Object.fromEntries(
          Object.keys(agentPhases.at(-1) ?? {}).map((name) => [
            name,
            round1(median(agentPhases.map((phases) => phases[name] ?? 0))),
          ]),
        ),
        ratioAgentToIpvsadm: Number((agentMs / ipvsadmMs).toFixed(3)),
        ratioFirstPutToIpvsadm: Number((agentRuns[0] / ipvsadmMs).toFixed(3)),
        ratioTarget: TARGET,
        meetsTarget: agentMs / ipvsadmMs <= TARGET,
        ipvsadmRunsMs: ipvsadmRuns.map(round1),
        agentRunsMs: agentRuns.map(round1),
      }),
    );
  } finally {
    await agent.stop();
    ipvsadm(['-C']);
  }
}

await main();
