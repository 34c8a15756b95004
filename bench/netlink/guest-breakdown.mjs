// Runs inside the user-mode Linux guest (`node bench/netlink/run.mjs --breakdown`): where a snapshot's time
// goes. Same 1,000 x 10 table as guest-bench.mjs; per round: the sliced read alone, as KernelBackend
// reads (plain, and with the 1 ms stall probe), the decode alone (plain and probed; every row anew, and
// reusing the previous decode's rows, where every row is unchanged), the same read without yielding, and
// ipvsadm. Last line: one JSON object with the medians.
import { performance } from 'node:perf_hooks';
import { GenlConnection } from '@ipvs-dashboard/agent/netlink';
import { ipvsadmTimer } from './ipvsadm-timer.mjs';
import { ipvsadm } from '../../test/kernel/guest/guest-processes.mjs';
import { tableRules } from '../ws/table.mjs';
import { EventLoopSlicer } from '../../apps/agent/dist/ipvs/kernel/snapshot/event-loop-slicer.js';
import {
  decodeSnapshot,
  decodeSnapshotReusing,
} from '../../apps/agent/dist/ipvs/kernel/snapshot/snapshot-decoder.js';
import {
  readRawSnapshotNow,
  readRawSnapshotSliced,
} from '../../apps/agent/dist/ipvs/kernel/snapshot/snapshot-reader.js';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const DESTS = Number(process.env.BENCH_DESTS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Duration of `work` and, with `probe`, the longest gap between 1 ms timer ticks meanwhile. */
async function measure(work, probe) {
  let last = performance.now();
  let longest = 0;
  const timer = probe
    ? setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 1)
    : undefined;
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  if (timer) {
    longest = Math.max(longest, performance.now() - last);
    clearInterval(timer);
  }
  return { value, ms, longest };
}

async function main() {
  const ipvsadmRunner = ipvsadmTimer();
  ipvsadm(['-C']);
  ipvsadm(['-R'], tableRules(SERVICES, DESTS));
  const connection = GenlConnection.open();
  const slicedRead = (recycled) => readRawSnapshotSliced(connection, true, new EventLoopSlicer(8), recycled);
  await slicedRead();
  const columns = [
    'read',
    'readStall',
    'decode',
    'decodeStall',
    'reuseDecode',
    'reuseDecodeStall',
    'unslicedRead',
    'ipvsadm',
  ];
  let previous = await decodeSnapshotReusing(await slicedRead(), undefined, new EventLoopSlicer(8));
  // Reads write into the storage of snapshots nobody reads any more, as KernelBackend's do.
  const spares = [];
  let mainRaw;
  const rows = [];
  for (let run = 0; run < RUNS; run++) {
    const read = await measure(() => slicedRead(spares.pop()), false);
    const probedRead = await measure(() => slicedRead(spares.pop()), true);
    const decode = await measure(() => decodeSnapshot(read.value, new EventLoopSlicer(8)), false);
    const probedDecode = await measure(() => decodeSnapshot(probedRead.value, new EventLoopSlicer(8)), true);
    const reuse = await measure(
      () => decodeSnapshotReusing(read.value, previous, new EventLoopSlicer(8)),
      false,
    );
    const probedReuse = await measure(
      () => decodeSnapshotReusing(probedRead.value, reuse.value, new EventLoopSlicer(8)),
      true,
    );
    spares.push(previous.raw, read.value);
    previous = probedReuse.value;
    const mainRead = await measure(() => readRawSnapshotNow(connection, true, mainRaw), false);
    mainRaw = mainRead.value;
    const ipvsadm = { ms: await ipvsadmRunner.time(['-Ln', '--stats', '--exact']) };
    const row = [
      read.ms,
      probedRead.longest,
      decode.ms,
      probedDecode.longest,
      reuse.ms,
      probedReuse.longest,
      mainRead.ms,
      ipvsadm.ms,
    ];
    rows.push(row);
    console.log(columns.map((name, i) => `${name} ${row[i].toFixed(1)} ms`).join(', '));
  }
  connection.close();
  ipvsadmRunner.close();
  ipvsadm(['-C']);
  const figures = { services: SERVICES, realServers: SERVICES * DESTS, runs: RUNS };
  columns.forEach((name, i) => {
    figures[`${name}MedianMs`] = Math.round(median(rows.map((row) => row[i])) * 10) / 10;
  });
  console.log(JSON.stringify(figures));
}

await main();
