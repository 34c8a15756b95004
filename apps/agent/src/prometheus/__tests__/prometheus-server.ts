// A real Prometheus (Debian package prometheus) for the long-history tests: in a temporary storage
// directory, backfilled with promtool, scraping agents; stopped by its PID. The host's tests run it on
// 127.0.0.1 scraping an agent on loopback; the real-kernel fleet test (test/agent-http/
// kernel-fleet-prometheus.guest.mjs) imports the built copy inside the guest, scraping two directors'
// agents in network namespaces.
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

/** An agent to scrape: host:port and its token; `instance` replaces the host:port label. */
export interface ScrapeTarget {
  hostPort: string;
  token: string;
  job: string;
  instance?: string;
}

export interface PrometheusSetup {
  /** OpenMetrics text to turn into blocks before Prometheus starts: one promtool run per document. */
  backfill: string | readonly string[];
  target: ScrapeTarget;
  /** More agents of the same job, scraped with the same token. */
  moreTargets?: readonly Pick<ScrapeTarget, 'hostPort' | 'instance'>[];
  /** Where Prometheus listens (the agent was told before it started); `host` defaults to 127.0.0.1. */
  port: number;
  host?: string;
  /** How often each target is scraped (its timeout too), as Prometheus writes durations; 1s unless told. */
  scrapeInterval?: string;
  /** --storage.tsdb.retention.time; 30d unless told. */
  retention?: string;
  /** How long it may take to answer /-/ready (a user-mode Linux guest on a busy host is slow). */
  readyTimeoutMs?: number;
  /**
   * Where the storage folder is made; the system's temporary folder unless told. promtool and Prometheus
   * preallocate 512 MiB for each block's chunk file, more than a small guest's tmpfs /tmp holds.
   */
  parentDir?: string;
}

function staticConfig(target: Pick<ScrapeTarget, 'hostPort' | 'instance'>): string {
  const labels = target.instance === undefined ? '' : `, labels: {instance: "${target.instance}"}`;
  return `{targets: ["${target.hostPort}"]${labels}}`;
}

export async function startPrometheus(setup: PrometheusSetup): Promise<PrometheusServer> {
  requirePrometheus();
  const dir = await mkdtemp(join(setup.parentDir ?? tmpdir(), 'prometheus-test-'));
  const data = join(dir, 'data');
  const documents = typeof setup.backfill === 'string' ? [setup.backfill] : setup.backfill;
  for (const [index, text] of documents.entries()) {
    const file = join(dir, `backfill-${index}.om`);
    await writeFile(file, text);
    const blocks = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, data], {
      encoding: 'utf8',
    });
    if (blocks.status !== 0) throw new Error(`promtool create-blocks-from failed: ${blocks.stderr}`);
  }
  const targets = [setup.target, ...(setup.moreTargets ?? [])];
  await writeFile(
    join(dir, 'prometheus.yml'),
    [
      `global: {scrape_interval: ${setup.scrapeInterval ?? '1s'}, scrape_timeout: ${setup.scrapeInterval ?? '1s'}}`,
      'scrape_configs:',
      `  - job_name: ${setup.target.job}`,
      `    authorization: {credentials: "${setup.target.token}"}`,
      `    static_configs: [${targets.map(staticConfig).join(', ')}]`,
      '',
    ].join('\n'),
  );
  const { port, host = '127.0.0.1' } = setup;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      `--storage.tsdb.retention.time=${setup.retention ?? '30d'}`,
      `--web.listen-address=${host}:${port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://${host}:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + (setup.readyTimeoutMs ?? 60_000);
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
