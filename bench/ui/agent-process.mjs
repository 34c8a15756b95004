#!/usr/bin/env node
// The agent as `npm run bench:ui` runs it: the same startAgentServer wiring as apps/agent/src/main.ts, over
// the simulated backend holding the bench table (bench/ws/simulated-table.mjs, 1,000 x 10 by default) and
// serving the built web app, so the browser sees exactly what `npm start` serves.
// Usage: node agent-process.mjs <services> <dests> <connections/s per service> <token> <state dir> <web dir>;
// prints "listening <port>" when ready.
import { startAgentServer } from '../../apps/agent/dist/http/agent-server.js';
import { ipvsadmConfigText } from '../../apps/agent/dist/http/restore/ipvsadm-config-text.js';
import { resolveConfig } from '../../apps/agent/dist/config/index.js';
import { simulatedBenchBackend } from '../ws/simulated-table.mjs';

const [services, dests, connectionsPerSecond] = process.argv.slice(2, 5).map(Number);
const [token, stateDir, webDir] = process.argv.slice(5, 8);
const backend = await simulatedBenchBackend(services, dests, connectionsPerSecond);
const config = resolveConfig(
  { listen: '127.0.0.1:0', backend: 'simulated', interval: '1', token, stateDir, webDir },
  { stateDir, webDir },
);
const agent = await startAgentServer({
  config,
  backend,
  backendReason: 'bench:ui',
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
