// Shared setup of the drain proofs in the guest (kernel-drain.guest.mjs, kernel-restart-midway.guest.mjs):
// two real servers in network namespaces run held-connections.mjs (connections held open until reset),
// a NAT service on the VIP with rr, and readers of the kernel's own view (`ipvsadm -Ln`, `-Lnc`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createNatScenario } from '../kernel/dist/scenario.js';
import { did, ipvsadm, sid, startAgent, waitFor } from './guest-lib.mjs';

export const VIP = '10.10.0.100';
export const PORT = 9000;
const HELPER = 'test/agent-http/held-connections.mjs';

export const servicePath = `/services/${sid('tcp', VIP, PORT)}`;
export const rsPath = (server) => `${servicePath}/destinations/${did(server.address, PORT)}`;

/** A node process in `netns` running held-connections.mjs; `lines` is what it printed so far. */
export function helper(netns, ...args) {
  const child = spawn('ip', ['netns', 'exec', netns, 'node', HELPER, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = [];
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    partial += chunk;
    const parts = partial.split('\n');
    partial = parts.pop();
    lines.push(...parts);
  });
  const waitLine = (text, from = 0) =>
    // Long: node starts ~15 times slower in the guest, more on a busy host.
    waitFor(`"${text}" from ${args.join(' ')}`, () => lines.indexOf(text, from) >= 0, 60_000, 20);
  return { child, lines, waitLine };
}

/** The client in `netns`: `open(n)` opens n held connections and answers the servers they reached, `reset()` ends them all. */
export function holdingClient(netns) {
  const c = helper(netns, 'hold', VIP, String(PORT));
  return {
    async open(n) {
      const t0 = Date.now();
      const from = c.lines.length;
      c.child.stdin.write(`open ${n}\n`);
      await c.waitLine('opened', from);
      const reached = c.lines.slice(from, c.lines.indexOf('opened', from));
      assert.ok(
        reached.every((l) => l.startsWith('conn ')),
        `every connection answered: ${reached.join(', ')}`,
      );
      console.log(`opened ${n} connection(s) in ${Date.now() - t0} ms: ${reached.join(' ')}`);
      return reached.map((l) => l.slice('conn '.length));
    },
    async reset() {
      const from = c.lines.length;
      c.child.stdin.write('reset\n');
      await c.waitLine('reset', from);
    },
    stop() {
      c.child.stdin.end();
      return new Promise((resolve) =>
        c.child.exitCode !== null ? resolve() : c.child.once('exit', resolve),
      );
    },
  };
}

/** The real server's line of `ipvsadm -Ln` for the service, or undefined when the kernel has none. */
export function kernelLine(server) {
  return ipvsadm('-Ln', '-t', `${VIP}:${PORT}`)
    .split('\n')
    .find((l) => l.includes(`${server.address}:${PORT}`));
}

/** -> Weight ActiveConn InActConn, as the kernel reports them. */
export function kernelRow(server) {
  const fields = kernelLine(server)?.trim().split(/\s+/);
  return fields
    ? { weight: Number(fields[3]), active: Number(fields[4]), inactive: Number(fields[5]) }
    : null;
}

/** Persistence templates pointing at the server, as `ipvsadm -Lnc` lists them (source port 0). */
export function kernelTemplates(server) {
  return ipvsadm('-Lnc')
    .split('\n')
    .filter((l) => l.includes(`${server.address}:${PORT}`) && / \S+:0 /.test(l)).length;
}

/** Asserts the answer's status, with its body as the message only when it is another (a body reads once). */
export async function expectStatus(response, status) {
  if (response.status !== status) assert.fail(`${response.status} !== ${status}: ${await response.text()}`);
  return response;
}

/**
 * The scenario with its servers listening and the agent started on `port` with the service made (rr, each
 * real server at `weights[i]`, 1 by default). `close()` stops the servers and the namespaces, not the agent.
 */
export async function startDrainScenario({ port, stateDir, weights = [1, 1] }) {
  ipvsadm('-C');
  const scenario = createNatScenario(2);
  const servers = [];
  for (const server of scenario.servers) {
    const s = helper(server.netns, 'serve', server.name, String(PORT));
    await s.waitLine('listening');
    servers.push(s);
  }
  const agent = await startAgent({ port, stateDir });
  const text =
    `-A -t ${VIP}:${PORT} -s rr\n` +
    scenario.servers
      .map((s, i) => `-a -t ${VIP}:${PORT} -r ${s.address}:${PORT} -m -w ${weights[i] ?? 1}\n`)
      .join('');
  const created = await agent.api('/config', { method: 'PUT', text });
  assert.equal(created.status, 200, await created.text());
  return {
    agent,
    scenario,
    close() {
      for (const s of servers) s.child.kill('SIGTERM');
      scenario.close();
    },
  };
}
