// Runs inside the user-mode Linux guest (see run.mjs): builds 1,000 services x 10 real servers with
// `ipvsadm -R`, then times full snapshots through KernelBackend (in-process, warm) against
// `ipvsadm -Ln --stats --exact > /dev/null`, and the longest event-loop stall during a snapshot.
// Two backends: the default one reuses unchanged rows (this table has no traffic, so every row repeats:
// the best case), the other is opened with rowReuse: false and decodes every row anew, as when every
// row changed (the worst case). Both are timed and probed the same way.
// Snapshots are timed without the stall probe (its 1 ms timer costs system calls on the guest's one
// CPU) and the stall is measured in separate snapshots, next to the same probe over an idle event loop:
// the guest itself is descheduled by a loaded host, and that floor is no block of ours.
// ipvsadm is timed in a helper process (ipvsadm-timer.mjs): forking this one would make its next
// snapshot pay copy-on-write faults the agent, which never forks, does not pay.
// Prints progress lines, then one JSON object with the figures as the last line.
import { performance } from 'node:perf_hooks';
import { longestStall, median } from './stall-probe.mjs';
import { IPVS_GENL_NAME, IpvsCmd, KernelBackend } from '@ipvs-dashboard/agent/ipvs';
import { GenlConnection } from '@ipvs-dashboard/agent/netlink';
import { ipvsadmTimer } from './ipvsadm-timer.mjs';
import { ipvsadm } from '../../test/kernel/guest/guest-processes.mjs';
import { tableRules } from '../ws/table.mjs';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const DESTS = Number(process.env.BENCH_DESTS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Resolves after `ms` without blocking the event loop (the idle baseline for the stall probe). */
function idle(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main() {
  const ipvsadmRunner = ipvsadmTimer();
  ipvsadm(['-C']);
  let started = performance.now();
  ipvsadm(['-R'], tableRules(SERVICES, DESTS));
  const buildMs = performance.now() - started;
  console.log(
    `built ${SERVICES} services x ${DESTS} real servers with ipvsadm -R in ${buildMs.toFixed(0)} ms`,
  );

  const backend = KernelBackend.open();
  const fresh = KernelBackend.open({ rowReuse: false });
  const warm = await backend.snapshot();
  const destCount = warm.reduce((sum, entry) => sum + entry.destinations.length, 0);
  if (warm.length !== SERVICES || destCount !== SERVICES * DESTS) {
    throw new Error(`snapshot saw ${warm.length} services / ${destCount} real servers`);
  }
  // The reused rows must be exactly what decoding anew gives, and really be the previous objects.
  const again = await backend.snapshot();
  if (JSON.stringify(again) !== JSON.stringify(await fresh.snapshot()) || again[0] !== warm[0]) {
    throw new Error('the reusing snapshot differs from a fresh decode, or reused nothing');
  }

  // One GET_SERVICE dump is a single synchronous call: its duration bounds how finely a snapshot can yield.
  const serviceDumpMs = [];
  for (let run = 0; run < RUNS; run++) {
    started = performance.now();
    await backend.listServices();
    serviceDumpMs.push(performance.now() - started);
  }

  // The bare GET_SERVICE dump through GenlConnection, no decoding: the kernel and system-call share.
  const connection = GenlConnection.open();
  const serviceDumpCallMs = [];
  for (let run = 0; run < RUNS; run++) {
    started = performance.now();
    connection.dump(IPVS_GENL_NAME, IpvsCmd.GET_SERVICE, Buffer.alloc(0));
    serviceDumpCallMs.push(performance.now() - started);
  }
  connection.close();

  const timed = (work) => async () => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  const clientMs = [];
  const changedMs = [];
  const stallMs = [];
  const changedStallMs = [];
  const probedMs = [];
  const idleStallMs = [];
  const ipvsadmMs = [];
  await fresh.snapshot();
  for (let run = 0; run < RUNS; run++) {
    // Which of the two goes first alternates: the first snapshot after the idle probe ran slower.
    if (run % 2 === 0) clientMs.push(await timed(() => backend.snapshot())());
    changedMs.push(await timed(() => fresh.snapshot())());
    if (run % 2 === 1) clientMs.push(await timed(() => backend.snapshot())());
    ipvsadmMs.push(await ipvsadmRunner.time(['-Ln', '--stats', '--exact']));
    const probed = await longestStall(timed(() => backend.snapshot()));
    probedMs.push(probed.value);
    stallMs.push(probed.longest);
    changedStallMs.push((await longestStall(() => fresh.snapshot())).longest);
    idleStallMs.push((await longestStall(() => idle(probed.value))).longest);
    console.log(
      `run ${run + 1}: snapshot ${clientMs.at(-1).toFixed(1)} ms (every row changed: ` +
        `${changedMs.at(-1).toFixed(1)} ms), ipvsadm -Ln --stats --exact ${ipvsadmMs.at(-1).toFixed(1)} ms; ` +
        `longest stall ${stallMs.at(-1).toFixed(1)} ms (every row changed: ${changedStallMs.at(-1).toFixed(1)} ` +
        `ms; idle loop: ${idleStallMs.at(-1).toFixed(1)} ms)`,
    );
  }
  await backend.close();
  await fresh.close();
  ipvsadmRunner.close();
  ipvsadm(['-C']);

  const round = (value) => Math.round(value * 10) / 10;
  const clientMedian = median(clientMs);
  const ipvsadmMedian = median(ipvsadmMs);
  const figures = {
    services: SERVICES,
    realServers: SERVICES * DESTS,
    runs: RUNS,
    buildMs: round(buildMs),
    clientSnapshotMedianMs: round(clientMedian),
    ipvsadmListMedianMs: round(ipvsadmMedian),
    ratioClientToIpvsadm: Math.round((clientMedian / ipvsadmMedian) * 1000) / 1000,
    everyRowChangedSnapshotMedianMs: round(median(changedMs)),
    ratioEveryRowChangedToIpvsadm: Math.round((median(changedMs) / ipvsadmMedian) * 1000) / 1000,
    ratioTarget: 0.25,
    longestEventLoopStallMs: round(Math.max(...stallMs)),
    medianEventLoopStallMs: round(median(stallMs)),
    everyRowChangedLongestStallMs: round(Math.max(...changedStallMs)),
    everyRowChangedMedianStallMs: round(median(changedStallMs)),
    idleLoopLongestStallMs: round(Math.max(...idleStallMs)),
    idleLoopMedianStallMs: round(median(idleStallMs)),
    probedSnapshotMedianMs: round(median(probedMs)),
    serviceListMedianMs: round(median(serviceDumpMs)),
    serviceDumpCallMedianMs: round(median(serviceDumpCallMs)),
    stallTargetMs: 20,
    clientRunsMs: clientMs.map(round),
    everyRowChangedRunsMs: changedMs.map(round),
    ipvsadmRunsMs: ipvsadmMs.map(round),
    stallRunsMs: stallMs.map(round),
    everyRowChangedStallRunsMs: changedStallMs.map(round),
    idleStallRunsMs: idleStallMs.map(round),
  };
  console.log(JSON.stringify(figures));
}

await main();
