// Starts the two servers `npm run bench:ws` compares, each as its own process so its CPU time can be read
// from /proc: the agent (bench/agent-process.mjs) and the baseline (baseline-server.mjs), over the same
// simulated table and traffic (simulated-table.mjs).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'bench-ws-token-0123456789abcdef';
const listeningPort = (output) => /listening (\d+)/.exec(output)?.[1];

/** Spawns node with `args` and resolves with { child, port } once `portOf(output)` finds the port. */
function startNode(args, portOf, what) {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const port = portOf(output);
      if (port) {
        clearTimeout(timer);
        resolve({ child, port });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before listening:\n${output}`)));
  });
}

/** Stops a started server and waits for it to exit (its --cpu-prof profile is written on exit). */
export function stopServer({ child }) {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

/**
 * The agent (bench/agent-process.mjs) on 127.0.0.1 with a random port and a 1 s interval. `nodeFlags` go before
 * the script (e.g. --cpu-prof); the traffic runs `warmUpSeconds` before it starts listening. Resolves
 * { child, port, url, headers }.
 */
export async function startAgent(services, dests, connectionsPerSecond, nodeFlags = [], warmUpSeconds = 0) {
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-ws-state-'));
  const args = [
    ...nodeFlags,
    'bench/agent-process.mjs',
    ...[services, dests, connectionsPerSecond].map(String),
  ];
  const started = await startNode(
    [...args, TOKEN, stateDir, String(warmUpSeconds)],
    listeningPort,
    'the agent',
  );
  return {
    ...started,
    url: `ws://127.0.0.1:${started.port}/api/v1/live`,
    headers: { authorization: `Bearer ${TOKEN}` },
  };
}

/**
 * The baseline server with the same table and traffic; `nodeFlags` as for the agent. Resolves
 * { child, port, url, headers }.
 */
export async function startBaseline(
  services,
  dests,
  connectionsPerSecond,
  warmUpSeconds = 0,
  nodeFlags = [],
) {
  const args = [
    ...nodeFlags,
    'bench/ws/baseline-server.mjs',
    ...[services, dests, connectionsPerSecond, warmUpSeconds].map(String),
  ];
  const started = await startNode(args, listeningPort, 'the baseline server');
  return { ...started, url: `ws://127.0.0.1:${started.port}/`, headers: {} };
}
