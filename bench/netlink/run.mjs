#!/usr/bin/env node
// `npm run bench:netlink`: boots the user-mode Linux guest and runs guest-bench.mjs there (1,000 services
// x 10 real servers; KernelBackend.snapshot() vs ipvsadm -Ln --stats --exact). The last line printed is
// one JSON object with the figures. BENCH_SERVICES, BENCH_DESTS and BENCH_RUNS change the size.
// `--breakdown` runs guest-breakdown.mjs instead: the worker's read, the decode and their stalls apart.
// `--large-service` runs guest-large-service.mjs: the longest event-loop block while one service of
// BENCH_DESTS (default 10,000) real servers is read.
// The guest's node runs with the agent's own V8 flags (AGENT_NODE_FLAGS); BENCH_NODE_FLAGS replaces them
// (e.g. '' or --single-threaded-gc), for measuring V8 options.
import { runGuestBenchmark, runGuestEntry } from '../../test/kernel/guest/guest-entry.mjs';
import { AGENT_NODE_FLAGS } from '../../test/kernel/guest/guest-processes.mjs';

runGuestEntry('bench:netlink', { built: 'apps/agent/dist/ipvs/index.js' }, async () => {
  const breakdown = process.argv.includes('--breakdown');
  const largeService = process.argv.includes('--large-service');
  const script = breakdown
    ? 'guest-breakdown.mjs'
    : largeService
      ? 'guest-large-service.mjs'
      : 'guest-bench.mjs';
  const flags = process.env.BENCH_NODE_FLAGS ?? AGENT_NODE_FLAGS.join(' ');
  if (!/^[-\w= ]*$/.test(flags)) throw new Error(`BENCH_NODE_FLAGS must be plain node options: ${flags}`);
  const figures = await runGuestBenchmark(`node ${flags} bench/netlink/${script}`.replace(/ +/g, ' '), {
    envNames: ['BENCH_SERVICES', 'BENCH_DESTS', 'BENCH_RUNS'],
    timeoutMs: 15 * 60_000,
  });
  if (!breakdown && !largeService) {
    console.log(
      `ratio client/ipvsadm ${figures.ratioClientToIpvsadm}, every row changed ` +
        `${figures.ratioEveryRowChangedToIpvsadm} (target <= ${figures.ratioTarget}); longest event-loop ` +
        `stall ${figures.longestEventLoopStallMs} ms, every row changed ` +
        `${figures.everyRowChangedLongestStallMs} ms (target < ${figures.stallTargetMs})`,
    );
  }
  console.log(JSON.stringify(figures));
});
