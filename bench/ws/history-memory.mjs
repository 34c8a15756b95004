#!/usr/bin/env node
// `node --expose-gc bench/ws/history-memory.mjs`: what the agent's live-data layer (poller, sampler,
// history) holds at full size, in one process and in fast-forward: the bench:ws table and traffic on a
// simulated clock, BENCH_WS_AGE readings (default 960, the 15-minute history full) taken one simulated
// second apart without waiting. Prints the heap and array-buffer bytes after a full GC, before and after the
// readings (the difference is what the live layer keeps), the history's stored points, and the mean time
// of a reading. Memory figures only: bench:ws measures the real process. BENCH_WS_HEAP_SNAPSHOT=<file>
// writes a heap snapshot at the end, with the simulator and the live layer still alive.
import { writeHeapSnapshot } from 'node:v8';
import { SimulatedBackend } from '../../apps/agent/dist/simulated/index.js';
import { TableMonitor } from '../../apps/agent/dist/live/index.js';
import { benchTraffic } from './simulated-table.mjs';
import { tableInputs } from './table.mjs';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const DESTS = Number(process.env.BENCH_DESTS ?? 10);
const CPS = Number(process.env.BENCH_WS_CPS ?? 0.2);
const WARM_UP_SECONDS = Number(process.env.BENCH_WS_WARM_UP ?? 180);
const AGE = Number(process.env.BENCH_WS_AGE ?? 960);

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const mb = (bytes) => Math.round(bytes / 2 ** 20);
function memory() {
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  return { heapUsed, arrayBuffers, rss };
}

let clock = 1_700_000_000_000;
const backend = new SimulatedBackend({ now: () => clock });
for (const { service, destinations } of tableInputs(SERVICES, DESTS)) {
  await backend.addService(service);
  const key = { protocol: service.protocol, address: service.address, port: service.port };
  for (const destination of destinations) await backend.addDestination(key, destination);
  backend.setTraffic(key, benchTraffic(CPS));
}
backend.warmUp(WARM_UP_SECONDS * 1000);
const before = memory();
const monitor = new TableMonitor(backend, {
  intervalMs: 1000,
  historyWindowMs: 15 * 60 * 1000,
  now: () => clock,
});
let tickMs = 0;
for (let i = 0; i < AGE; i++) {
  clock += 1000;
  backend.tick(1000);
  const t0 = performance.now();
  await monitor.tick();
  tickMs += performance.now() - t0;
}
const after = memory();
/** Points GET /history serves (one a sample a series); its answer is dropped at once. */
function servedPoints() {
  let points = 0;
  for (const s of monitor.history.query(1000).services) {
    points += s.points.length;
    for (const d of s.destinations) points += d.points.length;
  }
  return points;
}
const served = servedPoints();
const result = {
  services: SERVICES,
  realServers: SERVICES * DESTS,
  readings: AGE,
  liveLayerHeapMegabytes: mb(after.heapUsed - before.heapUsed),
  liveLayerArrayBufferMegabytes: mb(after.arrayBuffers - before.arrayBuffers),
  heapMegabytes: mb(after.heapUsed),
  arrayBufferMegabytes: mb(after.arrayBuffers),
  residentMegabytes: mb(after.rss),
  servedPoints: served,
  storedPoints: monitor.history.storedPoints(),
  meanReadingMs: Number((tickMs / AGE).toFixed(2)),
};
console.log(JSON.stringify(result));
if (process.env.BENCH_WS_HEAP_SNAPSHOT) {
  writeHeapSnapshot(process.env.BENCH_WS_HEAP_SNAPSHOT);
  // Keeps both alive until the snapshot is written.
  console.log(
    `heap snapshot: ${process.env.BENCH_WS_HEAP_SNAPSHOT} (${monitor.history.capacity}, ${backend.kind})`,
  );
}
