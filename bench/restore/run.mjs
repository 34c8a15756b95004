#!/usr/bin/env node
// `npm run bench:restore`: boots the user-mode Linux guest and runs guest-restore.mjs there: PUT
// /api/v1/config of 1,000 services x 10 real servers through the real agent (kernel backend) against
// `ipvsadm -R` of the same text (issue 3 §7, target ratio <= 0.2). The last line printed is one JSON
// object with the figures. BENCH_SERVICES and BENCH_DESTS change the size.
import { ensureDebianPackages } from '../../scripts/ensure-debian-packages.mjs';
import {
  ensureBuilt,
  GUEST_PACKAGES,
  runInGuest,
  stopAllGuests,
} from '../../test/kernel/guest/run-in-guest.mjs';

async function main() {
  ensureDebianPackages(GUEST_PACKAGES);
  ensureBuilt('apps/agent/dist/main.js');
  const env = {};
  for (const name of ['BENCH_SERVICES', 'BENCH_DESTS', 'BENCH_RUNS'])
    if (process.env[name]) env[name] = process.env[name];
  const { code, output } = await runInGuest('node bench/restore/guest-restore.mjs', {
    timeoutMs: 15 * 60_000,
    env,
  });
  const last = output.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !last.startsWith('{'))
    throw new Error(`the benchmark failed in the guest (exit ${code})`);
  const figures = JSON.parse(last);
  console.log(
    `PUT /api/v1/config ${figures.agentPutConfigMedianMs} ms vs ipvsadm -R ${figures.ipvsadmRestoreMedianMs} ms (medians): ` +
      `ratio ${figures.ratioAgentToIpvsadm} (target <= ${figures.ratioTarget})`,
  );
  console.log(JSON.stringify(figures));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopAllGuests();
    process.exit(1);
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench:restore FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
