// Runs inside the user-mode Linux guest (see run.mjs): for each size N (BENCH_SIZES, default 1000,2000,5000,
// 10000), N real servers listen in a network namespace (listeners.mjs, one port each) and are checked by TCP
// every 2 s, first by the agent (kernel backend, one service of N real servers, a service check {kind: tcp,
// intervalSeconds: 2}), then by Debian's keepalived (--check only, its own virtual_server with TCP_CHECK,
// delay_loop 2) on other ports, one after the other so neither steals the other's CPU. For each, over a
// window of BENCH_WINDOW_SECONDS (default 60) after a warm-up: CPU seconds per minute of its processes
// (utime + stime from /proc/PID/stat), how late each check came after the one before on the same port as
// the real server saw it, and for the agent the longest event-loop delay of the window (loop-probe.mjs).
// Prints one JSON object with every figure and the ratio agent/keepalived per size as the last line.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ipvsadm, startAgentProcess, startDaemon } from '../../test/kernel/guest/guest-processes.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '1000,2000,5000,10000').split(',').map(Number);
const WINDOW_S = Number(process.env.BENCH_WINDOW_SECONDS ?? 60);
const WARM_S = 15;
const INTERVAL_MS = 2000;
const NETNS = 'bchk';
const SERVER_IP = '10.77.0.2';
const AGENT_VIP = '10.78.0.1';
const KEEPALIVED_VIP = '10.78.0.2';
const AGENT_PORTS = 10000;
const KEEPALIVED_PORTS = 30000;
const TOKEN = 'bench-checks-token-0123456789';
const PORT = 18091;
const PROBE_FILE = '/tmp/bench-checks-loop.json';
// BENCH_PROFILE_DIR (a host folder run.mjs mounts writable): the agent writes a V8 CPU profile there per size.
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sh = (command) => execFileSync('sh', ['-c', command], { stdio: 'inherit' });

/** utime + stime of a process, in seconds (fields 14 and 15 of /proc/PID/stat, after the command's parens). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Every running process named `name` (keepalived is a parent and its checker child). */
function pidsNamed(name) {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function namespaceUp() {
  sh(`ip netns del ${NETNS} 2>/dev/null; ip link del bchk0 2>/dev/null; true`);
  sh(
    `ip netns add ${NETNS} && ip link add bchk0 type veth peer name bchk1 && ip link set bchk1 netns ${NETNS} && ` +
      `ip addr add 10.77.0.1/24 dev bchk0 && ip link set bchk0 up && ` +
      `ip netns exec ${NETNS} ip addr add ${SERVER_IP}/24 dev bchk1 && ip netns exec ${NETNS} ip link set bchk1 up && ` +
      `ip netns exec ${NETNS} ip link set lo up`,
  );
}

/** listeners.mjs in the namespace for both port ranges; `ask(line)` resolves with its next line. */
async function startListeners(n) {
  const child = spawn(
    'ip',
    [
      'netns',
      'exec',
      NETNS,
      process.execPath,
      'bench/checks/listeners.mjs',
      SERVER_IP,
      `${AGENT_PORTS}:${n}`,
      `${KEEPALIVED_PORTS}:${n}`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const waiting = [];
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) waiting.shift()?.(line);
  });
  const next = () => new Promise((resolve) => waiting.push(resolve));
  if ((await next()) !== 'listening') throw new Error('the listeners did not start');
  return {
    async ask(line) {
      const answer = next();
      child.stdin.write(`${line}\n`);
      return answer;
    },
    stop: () => child.kill('SIGTERM'),
  };
}

/** One window: CPU of `pids` and the lateness of the checks on `fromPort`..+n. */
async function measure(listeners, pids, fromPort, n) {
  await listeners.ask('mark');
  const before = pids.map(cpuSeconds);
  const startedAt = Date.now();
  await pause(WINDOW_S * 1000);
  const after = pids.map(cpuSeconds);
  const seconds = (Date.now() - startedAt) / 1000;
  const lateness = JSON.parse(await listeners.ask(`report ${fromPort} ${n} ${INTERVAL_MS}`));
  const cpu = after.reduce((sum, value, i) => sum + value - before[i], 0);
  return {
    cpuSecondsPerMinute: Number(((cpu / seconds) * 60).toFixed(2)),
    checksPerSecond: Number((lateness.checks / seconds).toFixed(1)),
    expectedChecksPerSecond: Number((n / (INTERVAL_MS / 1000)).toFixed(1)),
    ...lateness,
    windowStart: startedAt,
    windowEnd: Date.now(),
  };
}

async function agentRun(listeners, n) {
  ipvsadm(['-C']);
  rmSync(PROBE_FILE, { force: true });
  process.env.LOOP_PROBE_FILE = PROBE_FILE;
  const agent = await startAgentProcess({
    port: PORT,
    token: TOKEN,
    stateDir: '/tmp/bench-checks-state',
    nodeArgs: [
      '--import',
      './bench/checks/loop-probe.mjs',
      ...(PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=agent-${n}.cpuprofile`]
        : []),
    ],
  });
  const api = (path, method, body, type = 'application/json') =>
    fetch(`http://127.0.0.1:${PORT}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type },
      body,
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    });
  try {
    let text = `-A -t ${AGENT_VIP}:80 -s rr\n`;
    for (let i = 0; i < n; i++) text += `-a -t ${AGENT_VIP}:80 -r ${SERVER_IP}:${AGENT_PORTS + i} -m -w 1\n`;
    await api('/config', 'PUT', text, 'text/plain');
    const check = { kind: 'tcp', intervalSeconds: INTERVAL_MS / 1000, timeoutSeconds: 1, rise: 1, fall: 3 };
    await api(`/services/${encodeURIComponent(`tcp:${AGENT_VIP}:80`)}/check`, 'PUT', JSON.stringify(check));
    await pause(WARM_S * 1000);
    const figures = await measure(listeners, [agent.child.pid], AGENT_PORTS, n);
    const seconds = JSON.parse(readFileSync(PROBE_FILE, 'utf8')).filter(
      ([at]) => at >= figures.windowStart && at <= figures.windowEnd + 1000,
    );
    figures.longestLoopDelayMs = Number(Math.max(...seconds.map(([, max]) => max)).toFixed(1));
    figures.secondsWithLoopDelayOver20Ms = seconds.filter(([, max]) => max > 20).length;
    figures.secondsMeasured = seconds.length;
    // The median second's longest delay: a guest starved by a busy host delays every timer, a block only some.
    const maxima = seconds.map(([, max]) => max).sort((a, b) => a - b);
    figures.medianSecondLoopDelayMs = maxima[Math.floor(maxima.length / 2)] ?? null;
    return figures;
  } finally {
    await agent.stop();
    ipvsadm(['-C']);
  }
}

async function keepalivedRun(listeners, n) {
  ipvsadm(['-C']);
  let conf = `global_defs {\n  router_id bench_checks\n}\nvirtual_server ${KEEPALIVED_VIP} 80 {\n  delay_loop ${INTERVAL_MS / 1000}\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n`;
  for (let i = 0; i < n; i++)
    conf += `  real_server ${SERVER_IP} ${KEEPALIVED_PORTS + i} {\n    weight 1\n    TCP_CHECK {\n      connect_timeout 1\n    }\n  }\n`;
  conf += '}\n';
  writeFileSync('/tmp/bench-checks-keepalived.conf', conf);
  const keepalived = await startDaemon(
    'keepalived',
    [
      '--dont-fork',
      '--log-console',
      '--check',
      '-f',
      '/tmp/bench-checks-keepalived.conf',
      '-p',
      '/tmp/bench-checks-keepalived.pid',
      '-c',
      '/tmp/bench-checks-checkers.pid',
    ],
    (out) => /Activating healthchecker|Startup complete|Starting Healthcheck/i.test(out),
  );
  try {
    // keepalived makes its service a moment after it says it started: "No such service" until then.
    const listed = () => {
      try {
        return ipvsadm(['-Ln', '-t', `${KEEPALIVED_VIP}:80`])
          .split('\n')
          .filter((l) => l.includes(`${SERVER_IP}:`)).length;
      } catch {
        return 0;
      }
    };
    for (let i = 0; i < 600 && listed() < n; i++) await pause(500);
    await pause(WARM_S * 1000);
    const pids = pidsNamed('keepalived');
    const figures = await measure(listeners, pids, KEEPALIVED_PORTS, n);
    return { ...figures, processes: pids.length, realServersInKernel: listed() };
  } finally {
    await keepalived.stop();
    ipvsadm(['-C']);
  }
}

namespaceUp();
const results = [];
for (const n of SIZES) {
  const listeners = await startListeners(n);
  try {
    const startedAt = Date.now();
    const agent = await agentRun(listeners, n);
    const keepalived = await keepalivedRun(listeners, n);
    const ratio = Number((agent.cpuSecondsPerMinute / keepalived.cpuSecondsPerMinute).toFixed(2));
    const line = {
      servers: n,
      agent,
      keepalived,
      cpuRatioAgentToKeepalived: ratio,
      runSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
    console.log(
      `${n} servers: agent ${agent.cpuSecondsPerMinute} CPU s/min (late p99 ${agent.lateP99Ms} ms, max ${agent.lateMaxMs} ms, ` +
        `${agent.checksPerSecond}/${agent.expectedChecksPerSecond} checks/s, longest loop delay ${agent.longestLoopDelayMs} ms, over 20 ms in ${agent.secondsWithLoopDelayOver20Ms} of ${agent.secondsMeasured} s) vs ` +
        `keepalived ${keepalived.cpuSecondsPerMinute} (late p99 ${keepalived.lateP99Ms} ms, max ${keepalived.lateMaxMs} ms, ` +
        `${keepalived.checksPerSecond}/${keepalived.expectedChecksPerSecond} checks/s): ratio ${ratio}`,
    );
    results.push(line);
  } finally {
    listeners.stop();
  }
}
sh(`ip netns del ${NETNS}; true`);
console.log(JSON.stringify({ host: 'busy', windowSeconds: WINDOW_S, intervalMs: INTERVAL_MS, results }));
