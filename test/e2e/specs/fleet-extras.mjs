// The Fleet page's 1-hour lines and the pair view's connection counts, against real agents and a real
// Prometheus: lb1 (started with a YAML --fleet file and --prometheus-url) and lb2, two simulated agents on
// 127.0.0.1, and Debian's prometheus on 127.0.0.1 holding 70 minutes of node_ipvs_connections_total for
// both, backfilled with promtool (lb1 at 10 new connections a second, lb2 at 30: an hour of live scrapes
// would make the spec an hour long). lb2's table is cleared, so the pair view must flag the imbalance.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentProcess, freePort } from '../lib/agent-process.mjs';
import { check, eventually } from '../lib/expect.mjs';

function backfill(instances, to) {
  const from = Math.floor((to - 70 * 60_000) / 15_000) * 15_000;
  const lines = ['# TYPE node_ipvs_connections counter'];
  for (const [instance, perSecond] of instances) {
    for (let at = from; at <= to; at += 15_000) {
      lines.push(
        `node_ipvs_connections_total{job="ipvs-dashboard",instance="${instance}"} ${((at - from) / 1000) * perSecond} ${at / 1000}`,
      );
    }
  }
  return [...lines, '# EOF', ''].join('\n');
}

async function startPrometheus(dir, port, text) {
  await writeFile(join(dir, 'backfill.om'), text);
  await writeFile(join(dir, 'prometheus.yml'), 'global: {scrape_interval: 15s}\n');
  const blocks = spawnSync('promtool', [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    join(dir, 'backfill.om'),
    join(dir, 'data'),
  ]);
  check(blocks.status === 0, `promtool create-blocks-from: ${blocks.stderr}`);
  const child = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=30d',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  await eventually(
    async () => (await fetch(`http://127.0.0.1:${port}/-/ready`).catch(() => ({ ok: false }))).ok,
    'Prometheus is ready',
    60_000,
    250,
  );
  return child;
}

export async function fleetSparklinesAndPairConnections({ page, agent }) {
  const dir = await mkdtemp(join(tmpdir(), 'e2e-fleet-extras-'));
  const prometheusPort = await freePort();
  const lb1Port = await freePort();
  const lb2 = new AgentProcess({
    port: await freePort(),
    token: 'e2e-extras-lb2-token-0123456789',
    stateDir: join(dir, 'lb2'),
  });
  let lb1 = null;
  let prometheus = null;
  try {
    await lb2.start();
    prometheus = await startPrometheus(
      dir,
      prometheusPort,
      backfill(
        [
          [`127.0.0.1:${lb1Port}`, 10],
          [`127.0.0.1:${lb2.port}`, 30],
        ],
        Date.now() - 90_000,
      ),
    );
    await writeFile(
      join(dir, 'fleet.yaml'),
      [
        `self: {name: lb1, pair: edge, prometheusInstance: "127.0.0.1:${lb1Port}"}`,
        'directors:',
        `  - {name: lb2, url: "${lb2.origin}", token: ${lb2.token}, pair: edge}`,
        '',
      ].join('\n'),
    );
    lb1 = new AgentProcess({
      port: lb1Port,
      token: 'e2e-extras-lb1-token-0123456789',
      stateDir: join(dir, 'lb1'),
      args: ['--fleet', join(dir, 'fleet.yaml'), '--prometheus-url', `http://127.0.0.1:${prometheusPort}`],
    });
    await lb1.start();
    const cleared = await fetch(`${lb2.origin}/api/v1/clear`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lb2.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: 'clear' }),
    });
    check(cleared.status === 204, `lb2's table cleared: ${cleared.status}`);

    await page.goto(lb1.loginUrl);
    await page.getByRole('link', { name: 'Fleet', exact: true }).click();
    await page.getByRole('heading', { name: 'Fleet', exact: true }).waitFor();
    check((await page.getByTestId('fleet-prometheus-hint').count()) === 0, 'no hint with Prometheus');
    for (const [name, perSecond] of [
      ['lb1', '10'],
      ['lb2', '30'],
    ]) {
      const line = page.getByTestId(`director-${name}`).getByTestId('director-history');
      await line.waitFor({ timeout: 20_000 });
      const points = Number(await line.getAttribute('data-points'));
      check(points >= 55, `${name}'s line has an hour of points: ${points}`);
      const text = (await line.textContent()) ?? '';
      check(
        new RegExp(`peak ${perSecond}(\\.0+)?/s`).test(text),
        `${name}'s line peaks at ${perSecond}/s: ${text}`,
      );
      check((await line.locator('svg polyline').count()) === 1, `${name}'s line is drawn`);
    }

    await page.getByTestId('compare-edge').click();
    const counts = page.getByTestId('pair-connections');
    await counts.waitFor();
    await page
      .getByTestId('pair-connections-lb2')
      .getByText('lb2: 0 active, 0 inactive (0 in all)')
      .waitFor();
    const services = await (
      await fetch(`${lb1.origin}/api/v1/services`, { headers: { authorization: `Bearer ${lb1.token}` } })
    ).json();
    const total = services
      .flatMap((s) => s.destinations)
      .reduce((n, d) => n + d.activeConns + d.inactiveConns, 0);
    check(total >= 20, `lb1's demo traffic holds 20+ entries to compare: ${total}`);
    await eventually(
      async () => (await counts.getAttribute('data-balance')) === 'imbalanced',
      'the pair is flagged as imbalanced',
    );
    const warning = (await page.getByTestId('pair-imbalance').textContent()) ?? '';
    check(/^lb2 holds 100% fewer connection entries than lb1/.test(warning), `the warning: ${warning}`);
    check(
      (await page.getByTestId('pair-connections-lb2').getAttribute('class')) === 'pair-fewer',
      "lb2's line is highlighted",
    );
  } finally {
    if (prometheus?.pid && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus.once('exit', resolve));
      process.kill(prometheus.pid, 'SIGTERM');
      await exited;
    }
    await lb1?.stop();
    await lb2.stop();
    await rm(dir, { recursive: true, force: true });
    await page.goto(agent.loginUrl);
  }
}
