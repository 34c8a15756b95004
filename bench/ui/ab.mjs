#!/usr/bin/env node
// A/B of two web builds on one service page in the SAME run, for a busy host: one agent (bench:ui's table
// and traffic) serves a directory holding both builds' hashed assets, and before each round the page's
// index.html is switched to build A or B and the page reloaded, alternating A B B A ... so load from other
// work on the machine falls on both alike. Per round it records, besides bench:ui's figures, what depends
// less on that load: main-thread CPU time (CDP ThreadTime, not wall time), script time, style recalcs and
// layouts per second, and DOM mutations per second (a MutationObserver: how much the page changes).
// Usage: node bench/ui/ab.mjs <distA> <distB> [--window=1m|5m] [--rounds=6] [--seconds=20]
//        [--profile=<dir>] (a .cpuprofile per round) [--count] (render-probe.mjs) [--scroll] (charts in view). Build each dist with `npm run build` and copy it.
/* global window, document -- the page.evaluate callbacks below run in the browser */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../../test/e2e/lib/browser.mjs';
import { measurePage } from './measure-page.mjs';
import { probeScript } from './page-probe.mjs';
import { renderProbeScript } from './render-probe.mjs';
import { startUiAgent } from './ui-agent.mjs';

const [distA, distB] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const option = (name, fallback) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const chartWindow = option('window', '1m');
const rounds = Number(option('rounds', 6));
const seconds = Number(option('seconds', 20));
const profileDir = option('profile', null);
// Count React's renders (render-probe.mjs): load-independent, but the counting itself adds main-thread time.
const countRenders = process.argv.includes('--count');
// Scroll the charts into view (at 1440x900 the ten-server board pushes them below the fold).
const scrollToCharts = process.argv.includes('--scroll');
const WARM_UP_MS = 5_000;

// Counted inside the page: DOM mutation records (each an insert, removal, attribute or text change).
const mutationProbe = `(() => {
  const counts = { records: 0 };
  window.__benchMutations = counts;
  new MutationObserver((list) => { counts.records += list.length; })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

async function round(page, cdp, url, name, index) {
  // Away first: going to the same URL (only its hash differs) would not load the other build.
  await page.goto('about:blank');
  await page.goto(url);
  const build = await page.evaluate(() => document.querySelector('script[type=module]')?.getAttribute('src'));
  await page.getByTestId('rate-charts').waitFor();
  const label = chartWindow === '1m' ? '1 min' : '5 min';
  await page
    .getByTestId('rate-charts')
    .locator('..')
    .getByRole('button', { name: label, exact: true })
    .click();
  if (scrollToCharts) await page.getByTestId('rate-charts').scrollIntoViewIfNeeded();
  await new Promise((done) => setTimeout(done, WARM_UP_MS));
  const before = await metrics(cdp);
  const mutationsBefore = await page.evaluate(() => window.__benchMutations.records);
  const rendersBefore = await page.evaluate(() => ({ ...window.__benchRenders }));
  const profilePath = profileDir ? join(profileDir, `${name}-${index}.cpuprofile`) : undefined;
  const writeProfile = (path, profile) => writeFileSync(path, JSON.stringify(profile));
  const result = await measurePage(page, cdp, seconds, { profilePath, writeProfile });
  const after = await metrics(cdp);
  const mutations = (await page.evaluate(() => window.__benchMutations.records)) - mutationsBefore;
  const rendersAfter = await page.evaluate(() => ({ ...window.__benchRenders }));
  const wall = result.seconds;
  const perSecond = (key) => Number(((after[key] - before[key]) / wall).toFixed(4));
  return {
    build,
    ...result,
    cpuFraction: perSecond('ThreadTime'),
    scriptFraction: perSecond('ScriptDuration'),
    layoutsPerSecond: perSecond('LayoutCount'),
    styleRecalcsPerSecond: perSecond('RecalcStyleCount'),
    mutationsPerSecond: Math.round(mutations / wall),
    domNodes: after.Nodes,
    ...(countRenders
      ? Object.fromEntries(
          Object.keys(rendersAfter).map((area) => [
            `${area}PerSecond`,
            Number(((rendersAfter[area] - rendersBefore[area]) / wall).toFixed(1)),
          ]),
        )
      : {}),
    // Per live frame received: a starved page gets fewer frames a second and so does less work a second.
    ...(countRenders
      ? Object.fromEntries(
          Object.keys(rendersAfter).map((area) => [
            `${area}PerFrame`,
            Number(((rendersAfter[area] - rendersBefore[area]) / (wall * result.framesPerSecond)).toFixed(1)),
          ]),
        )
      : {}),
  };
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const keys = [
  'busyFraction',
  'cpuFraction',
  'scriptFraction',
  'longestTaskMs',
  'tasksOver100Ms',
  'layoutsPerSecond',
  'styleRecalcsPerSecond',
  'mutationsPerSecond',
  'framesPerSecond',
  ...(countRenders
    ? ['commitsPerSecond', 'chartsPerSecond', 'boardPerSecond', 'otherPerSecond'].flatMap((key) => [
        key,
        key.replace('PerSecond', 'PerFrame'),
      ])
    : []),
];

async function main() {
  if (!distA || !distB) throw new Error('usage: node bench/ui/ab.mjs <distA> <distB> [--window=1m]');
  const temp = mkdtempSync(join(tmpdir(), 'ipvs-dashboard-bench-ab-'));
  const web = join(temp, 'web');
  mkdirSync(web);
  const builds = { A: resolve(distA), B: resolve(distB) };
  for (const dir of Object.values(builds))
    cpSync(join(dir, 'assets'), join(web, 'assets'), { recursive: true });
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  cpSync(join(builds.A, 'index.html'), join(web, 'index.html'));
  const agent = await startUiAgent({
    services: 1000,
    dests: 10,
    connectionsPerSecond: 0.2,
    token: 'bench-ui-token-0123456789abcdef',
    stateDir: join(temp, 'state'),
    webDir: web,
  });
  const context = await launchBrowser(join(temp, 'profile'));
  const results = { A: [], B: [] };
  try {
    await context.addInitScript({ content: probeScript });
    await context.addInitScript({ content: mutationProbe });
    if (countRenders) await context.addInitScript({ content: renderProbeScript });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000);
    const cdp = await context.newCDPSession(page);
    await cdp
      .send('Performance.enable', { timeDomain: 'threadTicks' })
      .catch(() => cdp.send('Performance.enable'));
    await page.goto(agent.loginUrl);
    const href = await page.locator('a.service-link').first().getAttribute('href');
    const url = new URL(href ?? '', agent.origin).toString();
    for (let index = 0; index < rounds; index += 1) {
      // A B B A A B ...: neither build always goes first after a lull or a burst elsewhere on the host.
      const name = index % 4 === 0 || index % 4 === 3 ? 'A' : 'B';
      cpSync(join(builds[name], 'index.html'), join(web, 'index.html'));
      const result = await round(page, cdp, url, name, index);
      results[name].push(result);
      console.log(`${name} round ${index}: ${JSON.stringify(result)}`);
    }
  } finally {
    await context.close();
    await agent.stop();
    rmSync(temp, { recursive: true, force: true });
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, list]) => [
      name,
      Object.fromEntries(keys.map((key) => [key, Number(mean(list.map((r) => r[key])).toFixed(4))])),
    ]),
  );
  console.log(JSON.stringify({ window: chartWindow, rounds, seconds, means: summary }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
