#!/usr/bin/env node
// `npm run bench:ws`: the agent's live WebSocket feed against a baseline that sends the full JSON snapshot
// every second (issue 3 §6). Simulated backend, 1,000 services x 10 real servers, 1 s interval, 50 real
// `ws` clients for 60 s on 127.0.0.1, each server in its own process, one after the other. Measures CPU
// seconds per wall second from /proc/<pid>/stat and payload bytes received per client per second.
// BENCH_SERVICES, BENCH_DESTS, BENCH_WS_CLIENTS, BENCH_WS_SECONDS, BENCH_WS_CPS change the size, BENCH_WS_WARM_UP
// the seconds of traffic simulated before each server starts (default 180; 0 as in runs 1-7); BENCH_WS_CPU_PROF=<dir>
// runs the agent with --cpu-prof into <dir>. BENCH_WS_AGE: seconds the agent runs before it is measured
// (default 960: its 15-minute history full, the steady state; 0 measures a fresh agent, as runs 1-9 did).
// Both servers run with the agent's V8 flag (--max-semi-space-size=32, as npm start and the systemd unit
// start it); BENCH_NODE_FLAGS replaces it. The last line printed is one JSON object with every figure
// (residentMegabytes: each server's resident memory at the end of its measured minute). BENCH_WS_SOAK=<seconds>
// (e.g. 3600) keeps the agent serving its clients that long after its measured minute and adds `soak` to the
// JSON: its resident memory each minute and their slope in MB per hour (soak.mjs).
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, residentBytes } from './proc-cpu.mjs';
import { startAgent, startBaseline, stopServer } from './servers.mjs';
import { openClients } from './ws-clients.mjs';
import { soak } from './soak.mjs';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const DESTS = Number(process.env.BENCH_DESTS ?? 10);
const CLIENTS = Number(process.env.BENCH_WS_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_WS_SECONDS ?? 60);
/** New connections per second per simulated service (simulated-table.mjs says why not the default 4). */
const CPS = Number(process.env.BENCH_WS_CPS ?? 0.2);
/** Simulated traffic run before each server starts (simulated-table.mjs says why): rows move as they will. */
const WARM_UP_TRAFFIC_SECONDS = Number(process.env.BENCH_WS_WARM_UP ?? 180);
/** CPU with no client: what polling and the simulated traffic cost before any client is served. */
const IDLE_SECONDS = 10;
/** Before that: the first readings build every row's track and series, a start-up cost, not a steady one. */
const SETTLE_SECONDS = 5;
/** Let connect-time snapshots and JIT warm-up pass before the measured window. */
const WARM_UP_SECONDS = 5;
const AIM_CPU = 0.1;
/** The agent's age when measured: its history (15 min at 1 s) full, the memory and work it runs with. */
const AGENT_AGE_SECONDS = Number(process.env.BENCH_WS_AGE ?? 960);
/** Seconds the agent keeps serving its clients after the measured minute, its memory read each minute. */
const SOAK_SECONDS = Number(process.env.BENCH_WS_SOAK ?? 0);
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=32').split(' ').filter(Boolean);

const round = (value, digits = 4) => Number(value.toFixed(digits));

/** Waits `seconds`; returns `pid`'s CPU seconds per wall second meanwhile and the wall seconds. */
async function cpuOver(pid, seconds) {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const wall = (performance.now() - t0) / 1000;
  return { cpu: (cpuSeconds(pid) - cpu0) / wall, wall };
}

/** Lets a started server run `seconds` without clients, printing its CPU and memory every minute. */
async function age(name, pid, seconds) {
  for (let left = seconds; left > 0; left -= 60) {
    const { cpu } = await cpuOver(pid, Math.min(60, left));
    const minute = Math.ceil((seconds - left + Math.min(60, left)) / 60);
    const rss = Math.round(residentBytes(pid) / 2 ** 20);
    console.log(`${name}: minute ${minute}: ${round(cpu)} CPU s/s without clients, ${rss} MB resident`);
  }
}

/** Idle CPU, then CPU and traffic with CLIENTS clients over SECONDS, for one started server. */
async function measure(name, server, ageSeconds = 0, soakSeconds = 0) {
  const pid = server.child.pid;
  if (ageSeconds > 0) {
    console.log(`${name}: pid ${pid}; running ${ageSeconds} s before it is measured`);
    await age(name, pid, ageSeconds);
  }
  console.log(
    `${name}: pid ${pid}, port ${server.port}; ${SETTLE_SECONDS} + ${IDLE_SECONDS} s without clients`,
  );
  await sleep(SETTLE_SECONDS * 1000);
  const idle = await cpuOver(pid, IDLE_SECONDS);
  const clients = await openClients(server.url, CLIENTS, server.headers);
  await sleep(WARM_UP_SECONDS * 1000);
  const before = clients.counters();
  console.log(`${name}: ${CLIENTS} clients connected; measuring ${SECONDS} s`);
  const { cpu, wall } = await cpuOver(pid, SECONDS);
  const after = clients.counters();
  const residentMegabytes = Math.round(residentBytes(pid) / 2 ** 20);
  const soaked = soakSeconds > 0 ? await soak(name, pid, soakSeconds) : null;
  clients.close();
  const bytes = after.map((c, i) => c.bytes - (before[i]?.bytes ?? 0));
  const frames = after.map((c, i) => c.frames - (before[i]?.frames ?? 0));
  const figures = {
    idleCpuPerSecond: round(idle.cpu),
    cpuPerSecond: round(cpu),
    bytesPerClientPerSecond: Math.round(bytes.reduce((a, b) => a + b, 0) / CLIENTS / wall),
    framesPerClientPerSecond: round(frames.reduce((a, b) => a + b, 0) / CLIENTS / wall, 3),
    fewestFramesOfOneClient: Math.min(...frames),
    clientsClosed: after.filter((c) => c.closed).length,
    residentMegabytes,
    ...(soaked ? { soak: soaked } : {}),
  };
  console.log(`${name}: ${JSON.stringify(figures)}`);
  return figures;
}

async function main() {
  if (!existsSync(fileURLToPath(new URL('../../apps/agent/dist/main.js', import.meta.url))))
    throw new Error('Build first: npx tsc -b');
  const profileDir = process.env.BENCH_WS_CPU_PROF;
  const agentFlags = [...NODE_FLAGS, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  console.log(
    `bench:ws: ${SERVICES} services x ${DESTS} real servers, ${CLIENTS} clients, ${SECONDS} s each`,
  );
  const agentServer = await startAgent(SERVICES, DESTS, CPS, agentFlags, WARM_UP_TRAFFIC_SECONDS);
  const agent = await measure('agent', agentServer, AGENT_AGE_SECONDS, SOAK_SECONDS).finally(() =>
    stopServer(agentServer),
  );
  const baselineServer = await startBaseline(SERVICES, DESTS, CPS, WARM_UP_TRAFFIC_SECONDS, NODE_FLAGS);
  const baseline = await measure('baseline', baselineServer).finally(() => stopServer(baselineServer));
  const result = {
    services: SERVICES,
    realServers: SERVICES * DESTS,
    clients: CLIENTS,
    connectionsPerSecondPerService: CPS,
    warmUpTrafficSeconds: WARM_UP_TRAFFIC_SECONDS,
    agentAgeSeconds: AGENT_AGE_SECONDS,
    nodeFlags: NODE_FLAGS.join(' '),
    seconds: SECONDS,
    agent,
    baseline,
    cpuRatioAgentToBaseline: round(agent.cpuPerSecond / baseline.cpuPerSecond),
    bytesRatioAgentToBaseline: round(agent.bytesPerClientPerSecond / baseline.bytesPerClientPerSecond),
    aimCpuPerSecond: AIM_CPU,
    agentMeetsAim: agent.cpuPerSecond < AIM_CPU,
  };
  console.log(
    `agent ${result.agent.cpuPerSecond} CPU s/s (aim < ${AIM_CPU}), baseline ${baseline.cpuPerSecond}; ` +
      `ratio ${result.cpuRatioAgentToBaseline}. Bytes/client/s: agent ${agent.bytesPerClientPerSecond}, ` +
      `baseline ${baseline.bytesPerClientPerSecond}; ratio ${result.bytesRatioAgentToBaseline}`,
  );
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(
      `bench:ws FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
