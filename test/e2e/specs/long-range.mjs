// Long ranges on the service charts. Without Prometheus (the suite's agent): one line says how to connect
// one, and no long range is offered. With one: a second agent started with --prometheus-url, and Debian's
// prometheus on 127.0.0.1 scraping it every second (temporary storage, stopped by its PID); "1 h" draws
// the range with the join to the agent's own samples marked, "7 days" labels its axis with dates.
/* global window -- used inside page.evaluate, which runs in the browser */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentProcess, freePort } from '../lib/agent-process.mjs';
import { check, eventually, sleep } from '../lib/expect.mjs';

const DEMO_WEB = encodeURIComponent('tcp:10.0.0.10:80');

async function openDemoService(page) {
  await page.evaluate((hash) => (window.location.hash = hash), `#/services/${DEMO_WEB}`);
  await page.getByTestId('rate-charts').waitFor();
}

const windowButtons = async (page) =>
  page.getByRole('group', { name: 'Time window' }).getByRole('button').allTextContents();

export async function prometheusHintWithoutIt({ page }) {
  await openDemoService(page);
  const hint = page.getByTestId('prometheus-hint');
  await hint.waitFor();
  check((await hint.textContent()).includes('--prometheus-url'), 'the hint names --prometheus-url');
  const buttons = await windowButtons(page);
  check(buttons.join(',') === '1 min,5 min,15 min', `only the live windows are offered: ${buttons}`);
}

function startPrometheus(dir, port, agent) {
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global: {scrape_interval: 1s, scrape_timeout: 1s}',
      'scrape_configs:',
      '  - job_name: e2e',
      `    authorization: {credentials: "${agent.token}"}`,
      `    static_configs: [{targets: ["127.0.0.1:${agent.port}"]}]`,
      '',
    ].join('\n'),
  );
  return spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
}

/** Every tick label of the charts, x and y. */
const tickTexts = (page) =>
  page.locator('[data-testid="rate-charts"] .recharts-cartesian-axis-tick-value').allTextContents();

export async function longRangeFromPrometheus({ page, agent }) {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-prometheus-'));
  const prometheusPort = await freePort();
  const second = new AgentProcess({
    port: await freePort(),
    token: 'e2e-prometheus-0123456789abcdef',
    stateDir: join(dir, 'state'),
    args: ['--prometheus-url', `http://127.0.0.1:${prometheusPort}`, '--prometheus-selector', '{job="e2e"}'],
  });
  let prometheus = null;
  try {
    await second.start();
    prometheus = startPrometheus(dir, prometheusPort, second);
    await eventually(
      async () => (await fetch(`http://127.0.0.1:${prometheusPort}/-/ready`)).ok,
      'Prometheus is ready',
      60_000,
      250,
    );
    // A few scrapes, and two 15 s steps of the agent's own samples.
    await sleep(20_000);
    await page.goto(second.loginUrl);
    await openDemoService(page);
    const buttons = await windowButtons(page);
    check(
      buttons.join(',') === '1 min,5 min,15 min,1 h,6 h,24 h,7 days,Choose…',
      `long ranges offered: ${buttons}`,
    );
    check((await page.getByTestId('prometheus-hint').count()) === 0, 'no hint once Prometheus is connected');
    await page.getByRole('button', { name: '1 h', exact: true }).click();
    const charts = page.getByTestId('rate-charts');
    await eventually(
      async () => (await charts.getAttribute('data-join')) !== '',
      'the answer says where the join is',
      15_000,
    );
    await eventually(
      async () => Number(await charts.getAttribute('data-points')) >= 2,
      'the 1 h charts draw points',
      15_000,
    );
    const joins = await page
      .locator('[data-testid="rate-charts"] .recharts-reference-line.chart-join')
      .count();
    check(joins === 6, `each of the six charts draws the join as a dashed line, got ${joins}`);
    check(
      (await page.getByText('Dashed line: Prometheus before it').count()) === 1,
      'the legend explains the dashed line',
    );
    const hours = await tickTexts(page);
    check(
      // The x-axis ticks among every axis's (y ticks are numbers): hours and minutes, no seconds, no dates.
      hours.some((text) => /^\d\d:\d\d$/.test(text)) &&
        !hours.some((text) => /^\d\d:\d\d:\d\d$|^\d\d-\d\d$/.test(text)),
      `1 h ticks are times: ${hours}`,
    );
    await page.getByRole('button', { name: '7 days', exact: true }).click();
    await eventually(async () => {
      const days = await tickTexts(page);
      return days.some((text) => /^\d\d-\d\d$/.test(text)) && !days.some((text) => text.includes(':'));
    }, '7 day ticks are dates');
  } finally {
    if (prometheus?.pid && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus.once('exit', resolve));
      process.kill(prometheus.pid, 'SIGTERM');
      await exited;
    }
    await second.stop();
    rmSync(dir, { recursive: true, force: true });
    // Back to the suite's agent for the specs after this one.
    await page.goto(agent.loginUrl);
  }
}
