#!/usr/bin/env node
// `npm run bench:ui` (issue 4 §5): the dashboard over 1,000 services x 10 real servers on the simulated
// backend at 1 s updates, in headless Chromium. The overview, then one service page (its default 5-minute
// chart window, then the 1-minute one) are each left open for 60 s while the page's main-thread long tasks
// are recorded; also the gzipped JS bundle. Target: under 15%
// of main-thread time in long tasks and no task over 100 ms. Last line: one JSON object.
// Flags: --no-build. Environment: BENCH_SERVICES, BENCH_DESTS, BENCH_UI_SECONDS, BENCH_UI_CPS (new
// connections/s per service), BENCH_UI_PROFILE=<dir> (browser .cpuprofile per screen + agent --cpu-prof).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissingMessage, hasChromium, launchBrowser } from '../../test/e2e/lib/browser.mjs';
import { bundleSizes } from './bundle-size.mjs';
import { measurePage } from './measure-page.mjs';
import { probeScript } from './page-probe.mjs';
import { startUiAgent } from './ui-agent.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const services = Number(process.env.BENCH_SERVICES ?? 1000);
const dests = Number(process.env.BENCH_DESTS ?? 10);
const seconds = Number(process.env.BENCH_UI_SECONDS ?? 60);
// The same light traffic as bench:ws (see docs/benchmarks/ws.md): the simulator's default profile over 1,000
// services needs a whole core by itself, which would measure the simulator instead of the dashboard.
const connectionsPerSecond = Number(process.env.BENCH_UI_CPS ?? 0.2);
const profileDir = process.env.BENCH_UI_PROFILE ? resolve(process.env.BENCH_UI_PROFILE) : null;
const WARM_UP_MS = 5_000;
const TARGET = { longTaskFraction: 0.15, longestTaskMs: 100 };

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

const writeProfile = (path, profile) => writeFileSync(path, JSON.stringify(profile));
const meets = (result) =>
  result.longTaskFraction < TARGET.longTaskFraction && result.longestTaskMs <= TARGET.longestTaskMs;

async function screen(name, page, cdp, open) {
  const started = Date.now();
  await open();
  const readyMs = Date.now() - started;
  await new Promise((done) => setTimeout(done, WARM_UP_MS));
  const profilePath = profileDir ? join(profileDir, `${name}.cpuprofile`) : undefined;
  const result = { readyMs, ...(await measurePage(page, cdp, seconds, { profilePath, writeProfile })) };
  console.log(`${name}: ${JSON.stringify(result)}`);
  return result;
}

async function measureScreens(agent, temp) {
  const context = await launchBrowser(join(temp, 'profile'));
  try {
    await context.addInitScript({ content: probeScript });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const overview = await screen('overview', page, cdp, async () => {
      await page.goto(agent.loginUrl);
      await page.locator('a.service-link').first().waitFor();
    });
    // The first service, opened the way a user does: its link in the table (a hash change, no reload).
    const service = await screen('service', page, cdp, async () => {
      await page.locator('a.service-link').first().click();
      await page.getByTestId('rate-charts').waitFor();
    });
    // The same page with the 1-minute window, which redraws its charts every second instead of every 3 s.
    const serviceOneMinute = await screen('serviceOneMinute', page, cdp, async () => {
      await page.getByTestId('rate-charts').locator('..').getByRole('button', { name: '1 min' }).click();
    });
    return { overview, service, serviceOneMinute };
  } finally {
    await context.close();
  }
}

async function main() {
  if (!hasChromium()) {
    console.error(chromiumMissingMessage());
    return 1;
  }
  if (!process.argv.includes('--no-build')) build();
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const temp = mkdtempSync(join(tmpdir(), 'ipvs-dashboard-bench-ui-'));
  const token = 'bench-ui-token-0123456789abcdef';
  console.log(
    `starting the agent: ${services} x ${dests} simulated, ${connectionsPerSecond} conn/s per service`,
  );
  const agent = await startUiAgent({
    services,
    dests,
    connectionsPerSecond,
    token,
    stateDir: join(temp, 'state'),
    cpuProfDir: profileDir ?? undefined,
  });
  try {
    const screens = await measureScreens(agent, temp);
    const bundle = bundleSizes(join(repo, 'apps/web/dist'));
    for (const file of bundle.files) console.log(`bundle ${file.name}: ${file.gzipBytes} bytes gzipped`);
    const summary = {
      services,
      realServers: services * dests,
      seconds,
      overview: screens.overview,
      service: screens.service,
      serviceOneMinute: screens.serviceOneMinute,
      jsGzipBytes: bundle.jsGzipBytes,
      entryJsGzipBytes: bundle.entryGzipBytes,
      target: TARGET,
      meetsTarget: meets(screens.overview) && meets(screens.service) && meets(screens.serviceOneMinute),
    };
    console.log(JSON.stringify(summary));
    return 0;
  } finally {
    await agent.stop();
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
