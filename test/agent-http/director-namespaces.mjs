// Runs INSIDE the user-mode Linux guest: directors as network namespaces, each with its own IPVS table (IPVS
// tables are per network namespace) and its own agent process started in it with `ip netns exec`. Each
// namespace reaches the guest's root namespace over a veth pair (addresses made here, inside the guest),
// so a root-namespace process (the test, a Prometheus) reaches every agent and every agent reaches it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AGENT_NODE_FLAGS, startDaemon } from '../kernel/guest/guest-processes.mjs';
import { TOKEN } from './guest-lib.mjs';

const run = (command, ...args) => execFileSync(command, args, { encoding: 'utf8' });

/**
 * A veth pair from the root namespace (`host` on its end) into a new namespace `netns` (`address` on its
 * end, default route back through `host`).
 * @param {{ netns: string, host: string, address: string }} director
 */
export function makeDirectorNamespace({ netns, host, address }) {
  const [outside, inside] = [`${netns}-h`, `${netns}-n`];
  run('ip', 'netns', 'add', netns);
  run('ip', 'link', 'add', outside, 'type', 'veth', 'peer', 'name', inside);
  run('ip', 'link', 'set', inside, 'netns', netns);
  run('ip', 'addr', 'add', `${host}/24`, 'dev', outside);
  run('ip', 'link', 'set', outside, 'up');
  run('ip', '-n', netns, 'link', 'set', 'lo', 'up');
  run('ip', '-n', netns, 'addr', 'add', `${address}/24`, 'dev', inside);
  run('ip', '-n', netns, 'link', 'set', inside, 'up');
  run('ip', '-n', netns, 'route', 'add', 'default', 'via', host);
}

const forwardFile = '/proc/sys/net/ipv4/ip_forward';

/**
 * Lets the root namespace forward between the directors' veth pairs (one agent reading another goes
 * through it); returns what puts the setting back.
 */
export function forwardBetweenDirectors() {
  const before = readFileSync(forwardFile, 'utf8').trim();
  writeFileSync(forwardFile, '1');
  return () => writeFileSync(forwardFile, before);
}

/** Deleting the namespace deletes its veth pair and its IPVS table with it. */
export function removeDirectorNamespace({ netns }) {
  run('ip', 'netns', 'del', netns);
}

/** A command inside the director's namespace, e.g. `inNamespace(lb2, 'ipvsadm', '-Sn')`. */
export const inNamespace = ({ netns }, command, ...args) =>
  run('ip', 'netns', 'exec', netns, command, ...args);

/**
 * The built agent inside the director's namespace on `address:port` (kernel backend: that namespace's
 * table), with TOKEN and its own state folder, reading its table every `interval`; `args` are more flags
 * (--fleet, --prometheus-url).
 * @returns {Promise<{ daemon: Awaited<ReturnType<typeof startDaemon>>, base: string,
 *   api: (path: string, init?: { method?: string, json?: unknown }) => Promise<Response> }>}
 */
export async function startDirectorAgent({ name, netns, address }, { port, interval = '1s', args = [] }) {
  const stateDir = `/tmp/agent-state-director-${name}-${port}`;
  rmSync(stateDir, { recursive: true, force: true });
  const argv = [
    ...['netns', 'exec', netns, process.execPath, ...AGENT_NODE_FLAGS, 'apps/agent/dist/main.js'],
    ...['--backend', 'kernel', '--listen', `${address}:${port}`, '--token', TOKEN],
    ...['--insecure-listen-reason', 'test rig inside the guest', '--interval', interval],
    ...['--state-dir', stateDir, ...args],
  ];
  const daemon = await startDaemon('ip', argv, (out) => out.includes(`/?token=${TOKEN}`));
  assert.match(daemon.output(), /backend: kernel/);
  const base = `http://${address}:${port}/api/v1`;
  return {
    daemon,
    base,
    api(path, { method = 'GET', json } = {}) {
      return fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
    },
  };
}
