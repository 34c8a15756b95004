// Helpers for the agent-in-guest suites (they run INSIDE the user-mode Linux guest, see run.mjs): start the
// built agent as a real process, talk to it over HTTP, run ipvsadm as the reference, loop real client
// connections through a VIP while a change runs, and watch the kernel's counters.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ipvsadm as runIpvsadm, startAgentProcess } from '../kernel/guest/guest-processes.mjs';

export const TOKEN = 'kernel-test-token-0123456789';

export const ipvsadm = (...args) => runIpvsadm(args);

/** ipvsadm with the given stdin (e.g. -R). */
export const ipvsadmWith = (input, ...args) => runIpvsadm(args, input);

export const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(what, condition, ms = 8000, every = 50) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await pause(every);
  }
}

/**
 * Starts the built agent (kernel backend: root + IPVS in the guest) on 127.0.0.1:`port` with its own state
 * dir (guest-processes.mjs); `fresh` removes the state dir first; `args` are more flags.
 */
export async function startAgent({ port, stateDir, interval = '500ms', fresh = true, args = [] }) {
  const agent = await startAgentProcess({ port, token: TOKEN, stateDir, interval, fresh, args });
  const { child, exited, output, startMs } = agent;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    pid: child.pid,
    exited,
    /** How long it took to print its login URL. */
    startMs,
    output,
    /** fetch of /api/v1`path`; `json` is sent as JSON, `text` as text/plain. */
    api(path, init = {}) {
      const { json, text, headers, ...rest } = init;
      const type = text === undefined ? 'application/json' : 'text/plain';
      return fetch(`${base}/api/v1${path}`, {
        ...rest,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type, ...headers },
        body: text ?? (json === undefined ? rest.body : JSON.stringify(json)),
      });
    },
    /** SIGTERM and its exit code (0 expected). */
    stop: agent.stop,
    /** kill -9: the agent gets no chance to finish anything. */
    async kill9() {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

export const sid = (protocol, address, port) => encodeURIComponent(`${protocol}:${address}:${port}`);
export const did = (address, port) => encodeURIComponent(`${address}:${port}`);

/** Rule lines of `ipvsadm -Sn`, sorted: two tables compared regardless of the kernel's hash order. */
export const sortedRules = (text = ipvsadm('-Sn')) => text.split('\n').filter(Boolean).sort().join('\n');

/**
 * Loops HTTP GETs from the client namespace to every url, one after another, in `loops` parallel loops,
 * until stop(): each bounded by 2 s (busybox timeout). Returns per-url counts of ok and failed, and when
 * each failure happened.
 */
export function startClientLoop(netns, urls, loops = 1) {
  const stopFile = `/tmp/client-loop-stop-${process.pid}-${Date.now()}`;
  const body =
    `while [ ! -e ${stopFile} ]; do for u in ${urls.join(' ')}; do ` +
    `if busybox timeout 2 busybox wget -q -O /dev/null "$u"; then echo "ok $u"; else echo "fail $u"; fi; ` +
    `done; done`;
  const counts = Object.fromEntries(urls.map((url) => [url, { ok: 0, failed: 0, failedAt: [] }]));
  const exits = [];
  for (let loop = 0; loop < loops; loop++) {
    const child = spawn('ip', ['netns', 'exec', netns, 'sh', '-c', body], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let rest = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const [result, url] = line.split(' ');
        const count = counts[url];
        if (!count) continue;
        if (result === 'ok') count.ok++;
        else {
          count.failed++;
          count.failedAt.push(Date.now());
        }
      }
    });
    exits.push(new Promise((resolve) => child.on('exit', resolve)));
  }
  return {
    counts,
    /** Resolves once every url has at least `n` successful requests. */
    warm: (n = 3) => waitFor('client traffic', () => urls.every((url) => counts[url].ok >= n), 15_000),
    async stop() {
      execFileSync('touch', [stopFile]);
      await Promise.all(exits);
      rmSync(stopFile, { force: true });
      return counts;
    },
  };
}

/** Parses `ipvsadm -Ln --stats --exact`: service ("TCP  10.10.0.100:80") -> its conns counter. */
export function serviceConns(text) {
  const conns = new Map();
  for (const line of text.split('\n')) {
    const match = /^(TCP|UDP|SCTP|FWM)\s+(\S+)\s+(\d+)\s/.exec(line);
    if (match) conns.set(`${match[1]} ${match[2]}`, Number(match[3]));
  }
  return conns;
}

/**
 * Reads the kernel's per-service conns counters every `every` ms until stop(); reports every service whose
 * counter ever went down (a service deleted and re-created starts again from 0) or disappeared.
 */
export function watchCounters(services, every = 100) {
  const readings = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const text = await new Promise((resolve, reject) =>
        execFile('ipvsadm', ['-Ln', '--stats', '--exact'], { encoding: 'utf8' }, (error, stdout) =>
          error ? reject(error) : resolve(stdout),
        ),
      );
      readings.push({ at: Date.now(), conns: serviceConns(text) });
      await pause(every);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const problems = [];
      for (const service of services) {
        let last = -1;
        for (const { at, conns } of readings) {
          const value = conns.get(service);
          if (value === undefined) problems.push(`${service} missing at ${at}`);
          else if (value < last) problems.push(`${service} went down ${last} -> ${value} at ${at}`);
          if (value !== undefined) last = value;
        }
      }
      const first = readings[0]?.conns;
      const final = readings.at(-1)?.conns;
      return {
        readings: readings.length,
        problems,
        grew: Object.fromEntries(services.map((s) => [s, `${first?.get(s)} -> ${final?.get(s)}`])),
      };
    },
  };
}
