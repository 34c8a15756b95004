#!/usr/bin/env node
// The agent as `npm run bench:ws` runs it: the same startAgentServer wiring as apps/agent/src/main.ts (REST,
// poller, history, live hub, WebSocket transport, /metrics), over the simulated backend holding the bench
// table with bench traffic (simulated-table.mjs) instead of the demo table.
// Usage: node agent-process.mjs <services> <dests> <connections/s per service> <token> <state dir>
// [<warm-up seconds>]; prints "listening <port>" when ready.
import { startAgentServer } from '../../apps/agent/dist/http/agent-server.js';
import { ipvsadmConfigText } from '../../apps/agent/dist/http/restore/ipvsadm-config-text.js';
import { resolveConfig } from '../../apps/agent/dist/config/index.js';
import { simulatedBenchBackend } from './simulated-table.mjs';

const [services, dests, connectionsPerSecond] = process.argv.slice(2, 5).map(Number);
const [token, stateDir] = process.argv.slice(5, 7);
const warmUpSeconds = Number(process.argv[7] ?? 0);
const backend = await simulatedBenchBackend(services, dests, connectionsPerSecond, warmUpSeconds);
const config = resolveConfig(
  { listen: '127.0.0.1:0', backend: 'simulated', interval: '1', token, stateDir },
  { stateDir, webDir: '/nonexistent' },
);
const agent = await startAgentServer({
  config,
  backend,
  backendReason: 'bench:ws',
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
