// Runs inside the user-mode Linux guest (`node bench/netlink/run.mjs --large-service`): the longest
// event-loop block while the poller reads ONE service of BENCH_DESTS (default 10,000) real servers, whose
// GET_DEST answer is one long dump (~75 datagrams at 10,000). Per round, with a 1 ms timer probe: the
// sliced read alone (readRawSnapshotSliced, 8 ms slices, into recycled storage, as KernelBackend reads), a
// whole KernelBackend.snapshot() (read and decode; rows unchanged, so reused, as a poll of a quiet table), and the same probe over an idle loop (the
// guest's own floor); then the read timed without the probe, and the reader's steps timed one by one
// (its longest step: the longest block the read itself can make). Last line: one JSON object with the figures.
import { performance } from 'node:perf_hooks';
import { longestStall, median } from './stall-probe.mjs';
import { GenlConnection } from '@ipvs-dashboard/agent/netlink';
import { KernelBackend } from '@ipvs-dashboard/agent/ipvs';
import { ipvsadm } from '../../test/kernel/guest/guest-processes.mjs';
import { EventLoopSlicer } from '../../apps/agent/dist/ipvs/kernel/snapshot/event-loop-slicer.js';
import {
  readRawSnapshot,
  readRawSnapshotSliced,
} from '../../apps/agent/dist/ipvs/kernel/snapshot/snapshot-reader.js';

const DESTS = Number(process.env.BENCH_DESTS ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** One TCP service, 10.150.0.1:80, and its real servers 10.210.<d/250>.<d%250+1>:80 (up to 64,000). */
function rules() {
  const lines = ['-A -t 10.150.0.1:80 -s wlc'];
  for (let d = 0; d < DESTS; d++)
    lines.push(`-a -t 10.150.0.1:80 -r 10.210.${Math.floor(d / 250)}.${(d % 250) + 1}:80 -m -w 1`);
  return `${lines.join('\n')}\n`;
}

const round = (ms) => Math.round(ms * 10) / 10;

/** The reader's steps timed one by one (a clock read per step): its longest step, and how many. */
function longestStep(connection, recycled) {
  const steps = readRawSnapshot(connection, true, recycled);
  let longest = 0;
  let count = 0;
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    longest = Math.max(longest, performance.now() - started);
    if (step.done) return { longest, count, raw: step.value };
    count++;
  }
}

async function main() {
  ipvsadm(['-C']);
  ipvsadm(['-R'], rules());
  const connection = GenlConnection.open();
  // Each read writes into the storage of the one before, as KernelBackend's do: fresh storage would time
  // the guest's page faults on new memory (~200 ms for a few MB), not the dump.
  let spare;
  const read = async () =>
    (spare = await readRawSnapshotSliced(connection, true, new EventLoopSlicer(8), spare));
  const backend = KernelBackend.open();
  await read();
  await backend.snapshot();
  const rows = { readStall: [], snapshotStall: [], idleStall: [], readMs: [], longestStep: [], steps: [] };
  for (let run = 0; run < RUNS; run++) {
    const probedRead = await longestStall(read);
    const probedSnapshot = await longestStall(() => backend.snapshot());
    const count = probedSnapshot.value[0]?.destinations.length;
    if (count !== DESTS) throw new Error(`the snapshot has ${count} real servers, not ${DESTS}`);
    const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 150)));
    const started = performance.now();
    await read();
    const readMs = performance.now() - started;
    const stepped = longestStep(connection, spare);
    spare = stepped.raw;
    rows.longestStep.push(stepped.longest);
    rows.steps.push(stepped.count);
    rows.readStall.push(probedRead.longest);
    rows.snapshotStall.push(probedSnapshot.longest);
    rows.idleStall.push(idle.longest);
    rows.readMs.push(readMs);
    console.log(
      `read ${readMs.toFixed(1)} ms; longest block: read ${probedRead.longest.toFixed(1)} ms, ` +
        `snapshot ${probedSnapshot.longest.toFixed(1)} ms, idle ${idle.longest.toFixed(1)} ms; ` +
        `the reader's longest step ${stepped.longest.toFixed(1)} ms of ${stepped.count}`,
    );
  }
  await backend.close();
  connection.close();
  ipvsadm(['-C']);
  const figures = { services: 1, realServers: DESTS, runs: RUNS };
  for (const [name, values] of Object.entries(rows)) {
    figures[`${name}MedianMs`] = round(median(values));
    figures[`${name}MaxMs`] = round(Math.max(...values));
  }
  console.log(JSON.stringify(figures));
}

await main();
