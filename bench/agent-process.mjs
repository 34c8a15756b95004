#!/usr/bin/env node
// The agent as the benchmarks run it (bench:ws, bench:ui): the same startAgentServer wiring as
// apps/agent/src/main.ts (its heap growth limit, REST, poller, history, live hub, WebSocket transport, /metrics), over the simulated
// backend holding the bench table with bench traffic (bench/ws/simulated-table.mjs) instead of the demo
// table; with a web directory it also serves the built web app, so a browser sees what `npm start` serves.
// Usage: node agent-process.mjs <services> <dests> <connections/s per service> <token> <state dir>
// [<warm-up seconds> [<web dir>]]; prints "listening <port>" when ready. BENCH_AGENT_FLAGS: more flags as
// JSON, the way the command line gives them (e.g. {"fleet":"/tmp/fleet.json"}).
import { limitHeapGrowth } from '../apps/agent/dist/common/heap-growth.js';
import { startAgentServer } from '../apps/agent/dist/http/agent-server.js';
import { ipvsadmConfigText } from '../apps/agent/dist/http/restore/ipvsadm-config-text.js';
import { resolveConfig } from '../apps/agent/dist/config/index.js';
import { simulatedBenchBackend } from './ws/simulated-table.mjs';

const [services, dests, connectionsPerSecond] = process.argv.slice(2, 5).map(Number);
const [token, stateDir] = process.argv.slice(5, 7);
const warmUpSeconds = Number(process.argv[7] ?? 0);
const webDir = process.argv[8];
limitHeapGrowth();
const backend = await simulatedBenchBackend(services, dests, connectionsPerSecond, warmUpSeconds);
const flags = {
  listen: '127.0.0.1:0',
  backend: 'simulated',
  interval: '1',
  token,
  stateDir,
  ...JSON.parse(process.env.BENCH_AGENT_FLAGS ?? '{}'),
};
const config = resolveConfig(webDir ? { ...flags, webDir } : flags, {
  stateDir,
  webDir: webDir ?? '/nonexistent',
});
const agent = await startAgentServer({
  config,
  backend,
  backendReason: 'benchmark',
  configText: ipvsadmConfigText,
  log: (message, error) => console.error(message, error ?? ''),
});
console.log(`listening ${agent.port}`);
process.once('SIGTERM', () => {
  void agent
    .close()
    .then(() => backend.close())
    .then(() => process.exit(0));
});
