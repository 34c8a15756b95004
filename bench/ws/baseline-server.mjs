#!/usr/bin/env node
// The baseline of `npm run bench:ws`: the simplest live feed one could write. Same simulated backend,
// table and traffic as the agent, and every second the full table (services, real servers, counters, rates, totals)
// serialised once and sent to every WebSocket client. No auth, no history, no diffing.
// Usage: node bench/ws/baseline-server.mjs <services> <dests> <connections/s per service> [<warm-up seconds>];
// prints "listening <port>" when ready.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { simulatedBenchBackend } from './simulated-table.mjs';

const services = Number(process.argv[2] ?? 1000);
const dests = Number(process.argv[3] ?? 10);
const INTERVAL_MS = 1000;

const connectionsPerSecond = Number(process.argv[4] ?? 0.2);
const warmUpSeconds = Number(process.argv[5] ?? 0);
const backend = await simulatedBenchBackend(services, dests, connectionsPerSecond, warmUpSeconds);

const server = createServer((_request, response) => response.writeHead(404).end());
const wss = new WebSocketServer({ server, perMessageDeflate: false });
let latest = '';

async function broadcast() {
  const [table, totals] = await Promise.all([backend.snapshot(), backend.totals()]);
  latest = JSON.stringify({
    type: 'snapshot',
    at: Date.now(),
    intervalMs: INTERVAL_MS,
    services: table,
    totals,
  });
  for (const ws of wss.clients) ws.send(latest);
}

wss.on('connection', (ws) => {
  if (latest) ws.send(latest);
});
await broadcast();
setInterval(() => void broadcast(), INTERVAL_MS);
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.once('SIGTERM', () => process.exit(0));
