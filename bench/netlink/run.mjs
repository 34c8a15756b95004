#!/usr/bin/env node
// `npm run bench:netlink`: boots the user-mode Linux guest and runs guest-bench.mjs there (1,000 services
// x 10 real servers; KernelBackend.snapshot() vs ipvsadm -Ln --stats --exact). The last line printed is
// one JSON object with the figures. BENCH_SERVICES, BENCH_DESTS and BENCH_RUNS change the size.
// `--breakdown` runs guest-breakdown.mjs instead: the worker's read, the decode and their stalls apart.
// The guest's node runs with the agent's own V8 flag (--max-semi-space-size=32, as npm start, the systemd
// unit and the bin start it: README); BENCH_NODE_FLAGS replaces it (e.g. '' or --single-threaded-gc), for
// measuring V8 options.
import { ensureDebianPackages } from '../../scripts/ensure-debian-packages.mjs';
import {
  ensureBuilt,
  GUEST_PACKAGES,
  runInGuest,
  stopAllGuests,
} from '../../test/kernel/guest/run-in-guest.mjs';

/** What the agent runs with (README, "Running it on a real load balancer"). */
const AGENT_NODE_FLAGS = '--max-semi-space-size=32';

async function main() {
  ensureDebianPackages(GUEST_PACKAGES);
  ensureBuilt('apps/agent/dist/ipvs/index.js');
  const env = {};
  for (const name of ['BENCH_SERVICES', 'BENCH_DESTS', 'BENCH_RUNS']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  const breakdown = process.argv.includes('--breakdown');
  const script = breakdown ? 'guest-breakdown.mjs' : 'guest-bench.mjs';
  const flags = process.env.BENCH_NODE_FLAGS ?? AGENT_NODE_FLAGS;
  if (!/^[-\w= ]*$/.test(flags)) throw new Error(`BENCH_NODE_FLAGS must be plain node options: ${flags}`);
  const { code, output } = await runInGuest(`node ${flags} bench/netlink/${script}`.replace(/ +/g, ' '), {
    timeoutMs: 15 * 60_000,
    env,
  });
  const last = output.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !last.startsWith('{'))
    throw new Error(`the benchmark failed in the guest (exit ${code})`);
  const figures = JSON.parse(last);
  if (breakdown) {
    console.log(last);
    return;
  }
  console.log(
    `ratio client/ipvsadm ${figures.ratioClientToIpvsadm}, every row changed ` +
      `${figures.ratioEveryRowChangedToIpvsadm} (target <= ${figures.ratioTarget}); longest event-loop ` +
      `stall ${figures.longestEventLoopStallMs} ms, every row changed ` +
      `${figures.everyRowChangedLongestStallMs} ms (target < ${figures.stallTargetMs})`,
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
    console.error(`bench:netlink FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
