#!/usr/bin/env node
// `npm run bench:restore`: boots the user-mode Linux guest and runs guest-restore.mjs there: PUT
// /api/v1/config of 1,000 services x 10 real servers through the real agent (kernel backend) against
// `ipvsadm -R` of the same text (issue 3 §7, target ratio <= 0.2). The last line printed is one JSON
// object with the figures. BENCH_SERVICES and BENCH_DESTS change the size.
import { runGuestBenchmark, runGuestEntry } from '../../test/kernel/guest/guest-entry.mjs';

runGuestEntry('bench:restore', { built: 'apps/agent/dist/main.js' }, async () => {
  const figures = await runGuestBenchmark('node bench/restore/guest-restore.mjs', {
    envNames: ['BENCH_SERVICES', 'BENCH_DESTS', 'BENCH_RUNS'],
    timeoutMs: 15 * 60_000,
  });
  console.log(
    `PUT /api/v1/config ${figures.agentPutConfigMedianMs} ms vs ipvsadm -R ${figures.ipvsadmRestoreMedianMs} ms (medians): ` +
      `ratio ${figures.ratioAgentToIpvsadm} (target <= ${figures.ratioTarget})`,
  );
  console.log(JSON.stringify(figures));
});
