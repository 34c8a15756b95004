#!/usr/bin/env node
// `npm run bench:checks`: boots the user-mode Linux guest and runs guest-checks.mjs there: N real servers
// checked by TCP every 2 s by the agent and then by keepalived (TCP_CHECK, delay_loop 2), CPU seconds per
// minute of each and how late their check rounds come (issue 12; target: CPU at most 2x keepalived's at
// 10,000 servers, no event-loop block over 20 ms). BENCH_SIZES (default 1000,2000,5000,10000) and
// BENCH_WINDOW_SECONDS (default 60) change the run. The last line printed is one JSON object with the figures.
import { runGuestBenchmark, runGuestEntry } from '../../test/kernel/guest/guest-entry.mjs';

runGuestEntry('bench:checks', { packages: ['keepalived'], built: 'apps/agent/dist/main.js' }, async () => {
  // 2 x 10,000 listening sockets and keepalived's checks need more than the default 1,024 descriptors.
  const figures = await runGuestBenchmark('ulimit -n 65536; node bench/checks/guest-checks.mjs', {
    envNames: ['BENCH_SIZES', 'BENCH_WINDOW_SECONDS', 'BENCH_PROFILE_DIR'],
    writable: process.env.BENCH_PROFILE_DIR ? [process.env.BENCH_PROFILE_DIR] : [],
    timeoutMs: 60 * 60_000,
  });
  for (const { servers, agent, keepalived, cpuRatioAgentToKeepalived } of figures.results)
    console.log(
      `${servers} servers: agent ${agent.cpuSecondsPerMinute} vs keepalived ${keepalived.cpuSecondsPerMinute} CPU s/min, ratio ${cpuRatioAgentToKeepalived} (target <= 2); ` +
        `longest event-loop delay ${agent.longestLoopDelayMs} ms (target <= 20)`,
    );
  console.log(JSON.stringify(figures));
});
