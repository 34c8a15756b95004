#!/usr/bin/env node
// `npm run bench:metrics`: boots the user-mode Linux guest and runs guest-metrics.mjs there: the agent's
// /metrics (kernel backend) against prometheus-node-exporter's for the same 1,000 x 10 kernel table, with
// the longest event-loop block inside the agent during a scrape (issue 10, target <= 20 ms). The last
// line printed is one JSON object with the figures. BENCH_SERVICES, BENCH_DESTS and BENCH_RUNS change it;
// BENCH_TRACE_GC=1 also prints the agent's garbage-collection pauses of 20 ms or more in each window.
import { runGuestBenchmark, runGuestEntry } from '../../test/kernel/guest/guest-entry.mjs';

const needs = { packages: ['prometheus-node-exporter'], built: 'apps/agent/dist/main.js' };

runGuestEntry('bench:metrics', needs, async () => {
  const figures = await runGuestBenchmark('node bench/metrics/guest-metrics.mjs', {
    envNames: ['BENCH_SERVICES', 'BENCH_DESTS', 'BENCH_RUNS', 'BENCH_TRACE_GC'],
    // A loaded host slows the guest a lot: one scrape of every family took over 2 minutes there.
    timeoutMs: 45 * 60_000,
  });
  const { agent, agentAllFamilies: all, nodeExporter } = figures;
  console.log(
    `/metrics ${agent.scrapeMedianMs} ms, ${agent.bodyBytes} bytes (every family: ${all.scrapeMedianMs} ms, ` +
      `${all.bodyBytes} bytes) vs node_exporter ${nodeExporter.scrapeMedianMs} ms, ${nodeExporter.bodyBytes} ` +
      `bytes; longest event-loop block ${agent.longestBlockMs} ms (every family ${all.longestBlockMs}, idle ` +
      `${agent.idleLongestBlockMs}; target <= ${figures.targets.longestBlockMs})`,
  );
  console.log(JSON.stringify(figures));
});
