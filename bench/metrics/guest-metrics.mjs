// Runs inside the user-mode Linux guest (see run.mjs): restores the benchmark table (1,000 TCP services x
// 10 NAT real servers), starts prometheus-node-exporter (ipvs collector only) and the agent (kernel
// backend, event-loop probe preloaded), and scrapes both BENCH_RUNS times each, one after the other:
// time to the last byte and body size; for the agent also the longest event-loop block inside the agent
// during its scrape, and the longest GET /api/v1/info sent every 20 ms meanwhile. Each scrape window is
// paired with an idle window of about the same length (same probes, no scrape): the guest shares a host,
// the agent polls the table every second, and that floor is not the scrape's doing. Then the same with
// `--metrics all` (every opt-in family). Prints one JSON object with the figures as the last line.
import { performance } from 'node:perf_hooks';
import { ipvsadm, startAgentProcess, startNodeExporter } from '../../test/kernel/guest/guest-processes.mjs';
import { familyLines } from '../../test/metrics-kernel/prometheus-text.mjs';
import { tableRules } from '../ws/table.mjs';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const DESTS = Number(process.env.BENCH_DESTS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The idle window matches the scrape's length, at least 2 s (two polls) and at most 10 s. */
const idleMs = (scrapeMs) => Math.min(10_000, Math.max(2000, scrapeMs));
const TOKEN = 'bench-metrics-token-0123456789';
const AGENT = 'http://127.0.0.1:18096';
const NODE_EXPORTER = 'http://127.0.0.1:9100';
const BLOCK_TARGET_MS = 20;
const auth = { authorization: `Bearer ${TOKEN}` };
/** BENCH_TRACE_GC=1: the agent runs with --trace-gc and each window prints its GC pauses of 20 ms or more. */
const TRACE_GC = process.env.BENCH_TRACE_GC === '1';
const GC_PAUSE = /(Scavenge|Mark-Compact|Mark-Sweep)[^,]*, (\d+(?:\.\d+)?) \/ /;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round1 = (value) => Number(value.toFixed(1));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Asks the agent's preloaded probe something and waits for its answer. */
function ask(agent, message) {
  return new Promise((resolve) => {
    agent.once('message', resolve);
    agent.send(message);
  });
}

async function scrape(url, headers = {}) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${text.slice(0, 200)}`);
  return { ms: performance.now() - started, bytes: Buffer.byteLength(text), text };
}

/** GET /api/v1/info every 20 ms until `done()`; resolves with the longest answer time. */
async function infoProbe(done) {
  let longest = 0;
  while (!done()) {
    const started = performance.now();
    const response = await fetch(`${AGENT}/api/v1/info`, { headers: auth });
    await response.arrayBuffer();
    longest = Math.max(longest, performance.now() - started);
    await sleep(20);
  }
  return longest;
}

/** Runs `work` (or waits `ms`) with both probes on: the agent's own loop delay and /info answer times. */
async function probed(agent, work) {
  await ask(agent, 'start');
  let finished = false;
  const info = infoProbe(() => finished);
  const value = await work();
  finished = true;
  const infoMaxMs = await info;
  const { maxMs } = await ask(agent, 'stop');
  return { value, blockMs: maxMs, infoMaxMs };
}

async function measureAgent(metricsFlag, runs, reference) {
  const { child: agent, stop } = await startAgentProcess({
    port: 18096,
    token: TOKEN,
    stateDir: '/tmp/bench-metrics',
    nodeArgs: [...(TRACE_GC ? ['--trace-gc'] : []), '--import', './bench/metrics/event-loop-probe.mjs'],
    args: ['--backend', 'kernel', '--metrics', metricsFlag],
    ipc: true,
  });
  const rounds = [];
  let sample = '';
  let pauses = [];
  agent.stdout.on('data', (chunk) => {
    for (const line of String(chunk).split('\n')) {
      const match = GC_PAUSE.exec(line);
      if (match && Number(match[2]) >= 20) pauses.push(`${match[1]} ${match[2]} ms`);
    }
  });
  const gcReport = (what) => {
    if (TRACE_GC) console.log(`  GC pauses >= 20 ms during ${what}: ${pauses.join(', ') || 'none'}`);
    pauses = [];
  };
  try {
    await sleep(5000);
    for (let run = 0; run < runs; run++) {
      pauses = [];
      const scraped = await probed(agent, () => scrape(`${AGENT}/metrics`, auth));
      gcReport('the scrape');
      const idle = await probed(agent, () => sleep(idleMs(scraped.value.ms)));
      gcReport('the idle window');
      sample = scraped.value.text;
      rounds.push({
        ms: scraped.value.ms,
        bytes: scraped.value.bytes,
        blockMs: scraped.blockMs,
        infoMaxMs: scraped.infoMaxMs,
        idleBlockMs: idle.blockMs,
        idleInfoMaxMs: idle.infoMaxMs,
      });
      console.log(
        `agent --metrics ${metricsFlag} ${run + 1}: ${scraped.value.ms.toFixed(0)} ms, ${scraped.value.bytes} bytes; ` +
          `longest block ${scraped.blockMs.toFixed(1)} ms (idle ${idle.blockMs.toFixed(1)}), ` +
          `longest /info ${scraped.infoMaxMs.toFixed(0)} ms (idle ${idle.infoMaxMs.toFixed(0)})`,
      );
    }
  } finally {
    await stop();
  }
  return {
    scrapeMedianMs: round1(median(rounds.map((r) => r.ms))),
    bodyBytes: rounds.at(-1).bytes,
    longestBlockMs: round1(Math.max(...rounds.map((r) => r.blockMs))),
    medianLongestBlockMs: round1(median(rounds.map((r) => r.blockMs))),
    idleLongestBlockMs: round1(Math.max(...rounds.map((r) => r.idleBlockMs))),
    longestInfoMs: round1(Math.max(...rounds.map((r) => r.infoMaxMs))),
    idleLongestInfoMs: round1(Math.max(...rounds.map((r) => r.idleInfoMaxMs))),
    nodeIpvsIdentical: familyLines(sample, 'node_ipvs_') === familyLines(reference, 'node_ipvs_'),
    runsMs: rounds.map((r) => round1(r.ms)),
    blocksMs: rounds.map((r) => round1(r.blockMs)),
  };
}

async function main() {
  ipvsadm(['-C']);
  ipvsadm(['-R'], tableRules(SERVICES, DESTS));
  const exporter = await startNodeExporter();
  try {
    const exporterRuns = [];
    for (let run = 0; run < RUNS; run++) exporterRuns.push(await scrape(`${NODE_EXPORTER}/metrics`));
    console.log(
      `node_exporter: ${exporterRuns.map((r) => r.ms.toFixed(0)).join(' ')} ms, ${exporterRuns[0].bytes} bytes`,
    );
    const reference = exporterRuns.at(-1).text;
    const lean = await measureAgent('none', RUNS, reference);
    const all = await measureAgent('all', Math.max(1, Math.floor(RUNS / 2)), reference);
    const nodeExporter = {
      scrapeMedianMs: round1(median(exporterRuns.map((r) => r.ms))),
      bodyBytes: exporterRuns.at(-1).bytes,
      nodeIpvsBytes: Buffer.byteLength(familyLines(reference, 'node_ipvs_')) + 1,
    };
    console.log(
      JSON.stringify({
        services: SERVICES,
        realServers: SERVICES * DESTS,
        runs: RUNS,
        agent: lean,
        agentAllFamilies: all,
        nodeExporter,
        ratioScrapeToNodeExporter: Number((lean.scrapeMedianMs / nodeExporter.scrapeMedianMs).toFixed(2)),
        targets: { longestBlockMs: BLOCK_TARGET_MS, bodyNoLargerThanNodeExporter: true },
        meetsTargets:
          lean.longestBlockMs <= BLOCK_TARGET_MS &&
          all.longestBlockMs <= BLOCK_TARGET_MS &&
          lean.bodyBytes <= nodeExporter.bodyBytes &&
          lean.nodeIpvsIdentical,
      }),
    );
  } finally {
    await exporter.stop();
    ipvsadm(['-C']);
  }
}

await main();
