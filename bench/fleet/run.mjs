#!/usr/bin/env node
// `npm run bench:fleet` (issue 13): the Fleet page of an agent whose --fleet file names N peer agents, each
// a simulated director with the bench table (default 20 peers, 1,000 services x 10 real servers each, the
// light bench traffic), in headless Chromium. Measured in one run:
//   - the Fleet page left open for BENCH_FLEET_SECONDS (60): main-thread time in long tasks and the longest
//     task (bench:ui's measure; targets < 15% and no task over 100 ms);
//   - the proxy's cost: CPU seconds per second of the local agent and of every peer, first with no browser
//     (each agent serving only its own poller), then with the Fleet page open (the local agent reads every
//     peer's GET /summary every 5 s for it). Per peer: (local agent's increase / N) and each peer's
//     own increase, both as a fraction of one peer's idle CPU. Target: the proxy adds < 10% per peer.
// Last line: one JSON object. Flags: --no-build. Environment: BENCH_FLEET_PEERS, BENCH_SERVICES, BENCH_DESTS,
// BENCH_FLEET_SECONDS, BENCH_UI_CPS, BENCH_FLEET_PROFILE=<dir> (the Fleet page's .cpuprofile, as bench:ui's).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissingMessage, hasChromium, launchBrowser } from '../../test/e2e/lib/browser.mjs';
import { measurePage } from '../ui/measure-page.mjs';
import { probeScript } from '../ui/page-probe.mjs';
import { cpuSeconds } from '../ws/proc-cpu.mjs';
import { startAgent } from '../agent-child.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const peers = Number(process.env.BENCH_FLEET_PEERS ?? 20);
const services = Number(process.env.BENCH_SERVICES ?? 1000);
const dests = Number(process.env.BENCH_DESTS ?? 10);
const seconds = Number(process.env.BENCH_FLEET_SECONDS ?? 60);
const connectionsPerSecond = Number(process.env.BENCH_UI_CPS ?? 0.2);
const profileDir = process.env.BENCH_FLEET_PROFILE ? resolve(process.env.BENCH_FLEET_PROFILE) : null;
const TARGET = { longTaskFraction: 0.15, longestTaskMs: 100, proxyShareOfPeer: 0.1 };
const round = (value, digits = 4) => Number(value.toFixed(digits));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function build() {
  for (const argv of [
    ['npx', 'tsc', '-b'],
    ['npm', 'run', 'build', '-w', '@ipvs-dashboard/web'],
  ]) {
    console.log(`$ ${argv.join(' ')}`);
    const result = spawnSync(argv[0], argv.slice(1), { cwd: repo, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${argv.join(' ')} failed`);
  }
}

/** CPU seconds per second of each pid over `ms`. */
async function cpuRates(pids, ms) {
  const before = pids.map(cpuSeconds);
  const started = Date.now();
  await sleep(ms);
  const wall = (Date.now() - started) / 1000;
  return pids.map((pid, i) => (cpuSeconds(pid) - before[i]) / wall);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!hasChromium()) {
    console.error(chromiumMissingMessage());
    return 1;
  }
  if (!process.argv.includes('--no-build')) build();
  const temp = mkdtempSync(join(tmpdir(), 'ipvs-dashboard-bench-fleet-'));
  const started = [];
  try {
    console.log(`starting ${peers} peer agents: ${services} x ${dests} simulated each`);
    const table = { services, dests, connectionsPerSecond };
    // One after another: 20 agents loading 11,000 rows at once would only measure the machine's start-up.
    for (let i = 0; i < peers; i++) {
      const token = `bench-fleet-peer-${i}-token-0123456789`;
      started.push(await startAgent({ ...table, token, stateDir: join(temp, `peer-${i}`) }));
    }
    const directors = started.map((peer, i) => ({
      name: `lb${i + 2}`,
      url: peer.origin,
      token: peer.token,
      pair: `pair${Math.floor((i + 1) / 2)}`,
      site: `site${Math.floor(i / 10)}`,
    }));
    const fleetFile = join(temp, 'fleet.json');
    writeFileSync(
      fleetFile,
      JSON.stringify({ self: { name: 'lb1', pair: 'pair0', site: 'site0' }, directors }),
    );
    const local = await startAgent({
      ...table,
      token: 'bench-fleet-local-token-0123456789',
      stateDir: join(temp, 'local'),
      webDir: 'apps/web/dist',
      flags: { fleet: fleetFile },
    });
    started.push(local);
    const peerPids = started.slice(0, peers).map((peer) => peer.pid);
    const pids = [local.pid, ...peerPids];
    await sleep(5_000);
    console.log(`idle: ${seconds} s with no browser`);
    const idle = await cpuRates(pids, seconds * 1000);

    const context = await launchBrowser(join(temp, 'profile'));
    try {
      await context.addInitScript({ content: probeScript });
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(120_000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const opened = Date.now();
      await page.goto(local.loginUrl);
      await page.getByRole('link', { name: 'Fleet', exact: true }).click();
      await page
        .getByTestId(`director-lb${peers + 1}`)
        .getByText('Reachable', { exact: true })
        .waitFor();
      const readyMs = Date.now() - opened;
      await sleep(5_000);
      console.log(`Fleet page open: ${seconds} s`);
      const [fleetPage, open] = await Promise.all([
        measurePage(page, cdp, seconds, {
          profilePath: profileDir ? join(profileDir, 'fleet.cpuprofile') : undefined,
          writeProfile: (path, profile) => {
            mkdirSync(profileDir, { recursive: true });
            writeFileSync(path, JSON.stringify(profile));
          },
        }),
        cpuRates(pids, seconds * 1000),
      ]);
      const peerIdle = median(idle.slice(1));
      const localExtraPerPeer = (open[0] - idle[0]) / peers;
      const peerExtra = median(open.slice(1).map((rate, i) => rate - idle[i + 1]));
      const proxy = {
        localIdleCpuPerSecond: round(idle[0]),
        localOpenCpuPerSecond: round(open[0]),
        peerIdleCpuPerSecondMedian: round(peerIdle),
        peerOpenCpuPerSecondMedian: round(median(open.slice(1))),
        localExtraPerPeerCpuPerSecond: round(localExtraPerPeer),
        peerExtraCpuPerSecondMedian: round(peerExtra),
        localExtraPerPeerShareOfPeer: round(localExtraPerPeer / peerIdle),
        peerExtraShareOfPeer: round(peerExtra / peerIdle),
      };
      const summary = {
        peers,
        services,
        realServers: services * dests,
        seconds,
        readyMs,
        fleetPage,
        proxy,
        target: TARGET,
        meetsTarget:
          fleetPage.longTaskFraction < TARGET.longTaskFraction &&
          fleetPage.longestTaskMs <= TARGET.longestTaskMs &&
          proxy.localExtraPerPeerShareOfPeer < TARGET.proxyShareOfPeer &&
          proxy.peerExtraShareOfPeer < TARGET.proxyShareOfPeer,
      };
      console.log(JSON.stringify(summary));
    } finally {
      await context.close();
    }
    return 0;
  } finally {
    for (const agent of started.reverse()) await agent.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
