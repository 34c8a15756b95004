// Runs INSIDE the user-mode Linux guest: the one way the guest suites and benchmarks run ipvsadm, start a
// daemon (the agent, prometheus-node-exporter) and wait until it is ready, and start the built agent as
// the real process it is on a load balancer. The host side of a guest run is run-in-guest.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

/** What the agent runs with (README, "Running it on a real load balancer": npm start, the systemd unit). */
export const AGENT_NODE_FLAGS = ['--max-semi-space-size=32'];

/** ipvsadm with `input` as stdin (e.g. -R); throws with ipvsadm's message when it fails. */
export function ipvsadm(args, input) {
  return execFileSync('ipvsadm', args, { encoding: 'utf8', input, maxBuffer: 1 << 28 });
}

/**
 * Starts a daemon and resolves once `ready(output)` holds, with its output so far and its exit. A daemon
 * that exits or stays silent too long is killed and rejects with what it said: a stray one would keep
 * node --test, and so the guest, from ever finishing. `ipc`: a channel to a preloaded probe.
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, output: () => string,
 *   exited: Promise<number | string>, stop: () => Promise<number | string>, startMs: number }>}
 */
export async function startDaemon(command, args, ready, { ipc = false, timeoutMs = 240_000 } = {}) {
  const started = Date.now();
  const stdio = ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])];
  const child = spawn(command, args, { stdio });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  await new Promise((resolve, reject) => {
    const fail = (why) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${command} ${why}:\n${output}`));
    };
    // Generous: the agent's first read of 1,000 x 10 in a guest on a busy host has taken over a minute.
    const timer = setTimeout(() => fail(`did not get ready within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (ready(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => fail(`exited (${code})`));
  });
  return {
    child,
    output: () => output,
    exited,
    startMs: Date.now() - started,
    /** SIGTERM, and the exit code (0 expected). */
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Starts `node apps/agent/dist/main.js` on 127.0.0.1:`port` with `token` and its own state folder (emptied
 * first unless `fresh` is false), as a load balancer runs it (AGENT_NODE_FLAGS), and checks that it chose
 * the kernel backend (root + IPVS in the guest). `nodeArgs` go before the script (probes, --trace-gc),
 * `args` after it (--metrics, --backend).
 */
export async function startAgentProcess(options) {
  const { port, token, stateDir, interval = '1', fresh = true, nodeArgs = [], args = [], ipc } = options;
  if (fresh) rmSync(stateDir, { recursive: true, force: true });
  const argv = [
    ...nodeArgs,
    ...AGENT_NODE_FLAGS,
    'apps/agent/dist/main.js',
    ...['--listen', `127.0.0.1:${port}`, '--token', token],
    ...['--interval', interval, '--state-dir', stateDir],
    ...args,
  ];
  const agent = await startDaemon(process.execPath, argv, (out) => out.includes(`/?token=${token}`), {
    ipc,
  });
  if (!/backend: kernel/.test(agent.output())) {
    agent.child.kill('SIGKILL');
    throw new Error(`the agent did not choose the kernel backend:\n${agent.output()}`);
  }
  return agent;
}

/** prometheus-node-exporter with only its ipvs collector, on 127.0.0.1:9100: the reference for /metrics. */
export function startNodeExporter() {
  return startDaemon(
    'prometheus-node-exporter',
    ['--collector.disable-defaults', '--collector.ipvs', '--web.listen-address=127.0.0.1:9100'],
    (out) => out.includes('Listening on'),
  );
}
