// Long history against a REAL Prometheus (node test/long-history/run.mjs): 7 days backfilled with promtool
// for the demo's web service, then Prometheus scraping the agent's live /metrics on loopback every second.
// The agent's GET /history/range must give exactly what Prometheus answers for the same PromQL, up to
// where the agent's own memory starts, and say where that is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  historyRangeResponseSchema,
  historyResponseSchema,
  type HistoryRangeResponse,
} from '@ipvs-dashboard/shared';
import { startTestAgent, testToken, type TestAgent } from '../../http/__tests__/test-agent.js';
import { createDemoTable, SimulatedBackend } from '../../simulated/index.js';
import { backfillText, connectionsPerSecond } from './openmetrics-backfill.js';
import { freePort, startPrometheus, type PrometheusServer } from './prometheus-server.js';

const job = 'ipvs-dashboard';
const web = encodeURIComponent('tcp:10.0.0.10:80');
const day = 86_400_000;
/** The agent remembers 20 s, so Prometheus's live scrapes reach the answer before the join. */
const memoryMs = 20_000;

let agent: TestAgent;
let prometheus: PrometheusServer;
let scrapingSince = 0;
const others: TestAgent[] = [];

async function rangeOf(t: TestAgent, query: string): Promise<HistoryRangeResponse> {
  const response = await t.api(`/history/range?service=${web}&${query}`);
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return historyRangeResponseSchema.parse(body);
}

async function oldestLivePoint(): Promise<number> {
  const body = historyResponseSchema.parse(await (await agent.api(`/history?service=${web}`)).json());
  return body.services[0]?.points[0]?.at ?? NaN;
}

async function errorOf(
  t: TestAgent,
  query: string,
): Promise<{ status: number; code: string; message: string }> {
  const response = await t.api(`/history/range?service=${web}&${query}`);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...error };
}

/** Every Prometheus point of the answer equals what Prometheus gives for `promql`, instant by instant. */
async function expectSameAsPrometheus(
  answer: HistoryRangeResponse,
  promql: string,
  pick: (body: HistoryRangeResponse) => { at: number; value: number }[],
): Promise<number> {
  const start = Math.ceil(answer.from / answer.stepMs) * answer.stepMs;
  const end =
    answer.joinAt === null
      ? Math.floor(answer.to / answer.stepMs) * answer.stepMs
      : Math.ceil(answer.joinAt / answer.stepMs) * answer.stepMs - answer.stepMs;
  const direct = await prometheus.queryRange(promql, start, end, answer.stepMs);
  const ours = pick(answer).filter((point) => answer.joinAt === null || point.at < answer.joinAt);
  expect(ours.map((point) => [point.at, point.value])).toEqual(
    direct.map(([seconds, value]) => [Math.round(seconds * 1000), Number(value)]),
  );
  return ours.length;
}

beforeAll(async () => {
  const backend = new SimulatedBackend();
  await createDemoTable(backend);
  backend.start();
  const prometheusPort = await freePort();
  const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
  agent = await startTestAgent({
    backend,
    intervalMs: 250,
    historyWindowMs: memoryMs,
    prometheusUrl,
    prometheusSelector: `{job="${job}"}`,
  });
  const instance = `127.0.0.1:${agent.agent.port}`;
  const now = Date.now();
  const backfill = backfillText(
    {
      job,
      instance,
      service: { protocol: 'tcp', address: '10.0.0.10', port: 80 },
      servers: [
        { address: '10.0.1.1', port: 8080, share: 0.5 },
        { address: '10.0.1.2', port: 8080, share: 0.5 },
      ],
      from: Math.floor((now - 7 * day - 3_600_000) / 60_000) * 60_000,
      to: now - 180_000,
      oldEveryMs: 120_000,
      recentEveryMs: 60_000,
    },
    ['lb2.example:8080'],
  ).replace(/job="ipvs-dashboard",instance="lb2.example:8080"/g, 'job="site-b",instance="lb2.example:8080"');
  prometheus = await startPrometheus({
    backfill,
    port: prometheusPort,
    target: { hostPort: instance, token: testToken, job },
  });
  scrapingSince = Date.now();
  // Long enough that the agent's 20 s memory starts well after Prometheus's first scrapes.
  await new Promise((resolve) => setTimeout(resolve, 40_000));
  for (const selector of [undefined, '{job="nope"}']) {
    others.push(
      await startTestAgent({ prometheusUrl, ...(selector ? { prometheusSelector: selector } : {}) }),
    );
  }
}, 180_000);

afterAll(async () => {
  for (const t of [agent, ...others]) await t?.agent.close();
  await prometheus?.stop();
});

describe('long history from a real Prometheus', () => {
  it('7 days: 30-minute steps of rate() over the backfilled counters, equal to Prometheus, then the join', async () => {
    const oldestBefore = await oldestLivePoint();
    const week = await rangeOf(agent, 'range=7d');
    const oldestAfter = await oldestLivePoint();
    expect([week.stepMs, week.rateWindowMs]).toEqual([1_800_000, 1_800_000]);
    const total = week.services[0]!;
    const cps = await expectSameAsPrometheus(
      week,
      `sum (rate(ipvs_dashboard_service_connections_total{job="${job}",protocol="tcp",address="10.0.0.10",port="80"}[1800s]))`,
      (body) => body.services[0]!.points.map((point) => ({ at: point.at, value: point.cps })),
    );
    expect(cps).toBeGreaterThan(320);
    await expectSameAsPrometheus(
      week,
      `sum (node_ipvs_backend_connections_active{job="${job}",proto="TCP",local_address="10.0.0.10",local_port="80",remote_address="10.0.1.1",remote_port="8080"})`,
      (body) =>
        (body.services[0]!.destinations.find((d) => d.id === '10.0.1.1:8080')?.points ?? []).map((point) => ({
          at: point.at,
          value: point.activeConns,
        })),
    );
    // The chart shows the daily wave: rate() over each half hour is the backfilled rate at its middle.
    const older = total.points.filter((point) => point.at < week.to - 2 * day);
    for (const point of older) {
      expect(point.cps).toBeCloseTo(connectionsPerSecond(point.at - 900_000), 0);
    }
    // The join: the first instant whose step holds the agent's oldest sample; everything after is the agent's.
    const joins = [oldestBefore, oldestAfter].map((at) =>
      Math.min(Math.ceil(at / week.stepMs) * week.stepMs, week.to),
    );
    expect(joins).toContain(week.joinAt);
    const live = total.points.filter((point) => point.at >= week.joinAt!);
    expect(live.length).toBeGreaterThanOrEqual(1);
    expect(live.length).toBeLessThanOrEqual(2);
  });

  it('1 hour: 15-second steps; Prometheus scraping the live agent fills the time before the join', async () => {
    const hour = await rangeOf(agent, 'range=1h');
    expect([hour.stepMs, hour.rateWindowMs]).toEqual([15_000, 120_000]);
    const count = await expectSameAsPrometheus(
      hour,
      `sum by (real_address, real_port) (rate(ipvs_dashboard_destination_incoming_bytes_total{job="${job}",protocol="tcp",address="10.0.0.10",port="80",real_address="10.0.1.2",real_port="8080"}[120s]))`,
      (body) =>
        (body.services[0]!.destinations.find((d) => d.id === '10.0.1.2:8080')?.points ?? []).map((point) => ({
          at: point.at,
          value: point.inBps,
        })),
    );
    expect(count).toBeGreaterThan(100);
    const points = hour.services[0]!.points;
    const scraped = points.filter((point) => point.at >= scrapingSince && point.at < hour.joinAt!);
    expect(scraped.length).toBeGreaterThanOrEqual(1);
    expect(scraped.every((point) => point.cps > 0)).toBe(true);
    const live = points.filter((point) => point.at >= hour.joinAt!);
    expect(live.length).toBeGreaterThanOrEqual(1);
    expect(hour.joinAt! - Math.max(...scraped.map((point) => point.at))).toBe(15_000);
  });

  it('a chosen range the agent no longer remembers comes all from Prometheus', async () => {
    const to = Date.now() - 2 * 3_600_000;
    const chosen = await rangeOf(agent, `from=${to - day}&to=${to}`);
    expect([chosen.stepMs, chosen.joinAt]).toEqual([300_000, null]);
    expect(chosen.services[0]!.points.length).toBeGreaterThanOrEqual(287);
    expect(chosen.services[0]!.destinations.map((d) => d.id).sort()).toEqual([
      '10.0.1.1:8080',
      '10.0.1.2:8080',
    ]);
  });

  it('a selector that picks no director, or two, is refused naming what Prometheus has', async () => {
    const [none, nope] = others;
    const two = await errorOf(none!, 'range=24h');
    expect(two.status).toBe(400);
    expect(two.message).toMatch(/matches 2 directors/);
    expect(two.message).toContain('instance="lb2.example:8080"');
    const nothing = await errorOf(nope!, 'range=24h');
    expect([nothing.status, nothing.code]).toEqual([404, 'PROMETHEUS_NO_SERIES']);
    expect(nothing.message).toContain(`instance="127.0.0.1:${agent.agent.port}"`);
  });

  it('Prometheus stopped: a clear error, and the live window keeps working', async () => {
    await prometheus.stop();
    const gone = await errorOf(agent, 'range=6h');
    expect([gone.status, gone.code]).toEqual([502, 'PROMETHEUS_UNAVAILABLE']);
    expect(gone.message).toContain(`Prometheus at ${prometheus.url} could not be reached`);
    expect((await agent.api(`/history?service=${web}`)).status).toBe(200);
  });
});
