// The simulated backend both servers of `npm run bench:ws` run: the benchmark table loaded through the
// backend's own calls, every service given the same light traffic, and the traffic timer started.
import { SimulatedBackend } from '../../apps/agent/dist/simulated/index.js';
import { tableInputs } from './table.mjs';

/**
 * The simulator's default profile (4 new connections/s per service, 5 s each) over 1,000 services keeps
 * ~20,000 connections open, and its model walks each one every 100 ms step: on the 2-core bench machine
 * that alone takes a whole core and falls behind the clock (see docs/benchmarks/ws.md). The benchmark is about
 * the live feed, so traffic is lighter: counters still move on every real server, every second.
 */
export function benchTraffic(connectionsPerSecond) {
  return {
    connectionsPerSecond,
    variation: 0.3,
    meanDurationSeconds: 5,
    packetsIn: 8,
    packetsOut: 10,
    bytesIn: 900,
    bytesOut: 12000,
    clients: 200,
  };
}

/**
 * A started SimulatedBackend holding `services` x `dests` with `connectionsPerSecond` per service, its traffic
 * already run for `warmUpSeconds`: at 0.2 connections/s a real server gets one every ~50 s and the kernel's
 * rates of its last one decay for about a minute, so only after a couple of minutes does the share of rows
 * whose numbers move each second stop growing (and with it the live feed's work). Without a warm-up the
 * measured minute starts from an idle table.
 */
export async function simulatedBenchBackend(services, dests, connectionsPerSecond, warmUpSeconds = 0) {
  const backend = new SimulatedBackend();
  const profile = benchTraffic(connectionsPerSecond);
  for (const { service, destinations } of tableInputs(services, dests)) {
    await backend.addService(service);
    const key = { protocol: service.protocol, address: service.address, port: service.port };
    for (const destination of destinations) await backend.addDestination(key, destination);
    backend.setTraffic(key, profile);
  }
  if (warmUpSeconds > 0) backend.warmUp(warmUpSeconds * 1000);
  backend.start();
  return backend;
}
