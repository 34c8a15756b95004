// A real Prometheus (Debian package prometheus) for the long-history test: on 127.0.0.1, in a temporary
// storage directory, backfilled with promtool, scraping the agent on loopback; stopped by its PID.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const binaries = ['/usr/bin/prometheus', '/usr/bin/promtool'];

/** Missing, the test fails, never skips: CI installs the package (scripts/test-all.mjs). */
export function requirePrometheus(): void {
  const missing = binaries.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} missing: run apt-get install -y prometheus`);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port on 127.0.0.1');
  return address.port;
}

export interface PrometheusServer {
  url: string;
  pid: number;
  /** query_range straight from Prometheus, for comparison with the agent's answer. */
  queryRange(query: string, startMs: number, endMs: number, stepMs: number): Promise<[number, string][]>;
  stop(): Promise<void>;
}

export interface PrometheusSetup {
  /** OpenMetrics text to turn into blocks before Prometheus starts. */
  backfill: string;
  /** The agent to scrape every second: host:port and its token. */
  target: { hostPort: string; token: string; job: string };
  /** Where Prometheus listens on 127.0.0.1 (the agent was told before it started). */
  port: number;
}

export async function startPrometheus(setup: PrometheusSetup): Promise<PrometheusServer> {
  requirePrometheus();
  const dir = await mkdtemp(join(tmpdir(), 'prometheus-test-'));
  const data = join(dir, 'data');
  await writeFile(join(dir, 'backfill.om'), setup.backfill);
  const blocks = spawnSync(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'backfill.om'), data],
    {
      encoding: 'utf8',
    },
  );
  if (blocks.status !== 0) throw new Error(`promtool create-blocks-from failed: ${blocks.stderr}`);
  await writeFile(
    join(dir, 'prometheus.yml'),
    [
      'global: {scrape_interval: 1s, scrape_timeout: 1s}',
      'scrape_configs:',
      `  - job_name: ${setup.target.job}`,
      `    authorization: {credentials: "${setup.target.token}"}`,
      `    static_configs: [{targets: ["${setup.target.hostPort}"]}]`,
      '',
    ].join('\n'),
  );
  const { port } = setup;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      '--storage.tsdb.retention.time=30d',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`Prometheus did not become ready:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid ?? -1,
    async queryRange(query, startMs, endMs, stepMs) {
      const body = new URLSearchParams({
        query,
        start: String(startMs / 1000),
        end: String(endMs / 1000),
        step: String(stepMs / 1000),
      });
      const response = await fetch(`${url}/api/v1/query_range`, { method: 'POST', body });
      const answer = (await response.json()) as { data: { result: { values: [number, string][] }[] } };
      return answer.data.result[0]?.values ?? [];
    },
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
