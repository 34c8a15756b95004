// The Fleet page's sparklines against a REAL Prometheus (node test/long-history/run.mjs): 70 minutes of
// node_ipvs_connections_total for two directors, backfilled with promtool (lb1 at a steady 10 new
// connections a second, lb2 at 30), then GET /api/v1/fleet/history of an agent whose YAML fleet file names
// them, a third director Prometheus has never scraped, and itself. Backfilled rather than scraped live: an
// hour of scrapes would make the test an hour long, and a steady rate gives exact values to compare.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetHistoryResponseSchema, type FleetHistoryResponse } from '@ipvs-dashboard/shared';
import { startTestAgent, testToken, type TestAgent } from '../../http/__tests__/test-agent.js';
import { freePort, startPrometheus, type PrometheusServer } from './prometheus-server.js';

const job = 'ipvs-dashboard';
const rates = { 'lb1.test:8080': 10, 'lb2.test:8080': 30 } as const;

/** node_exporter's counter for each instance, one sample every 15 s, as OpenMetrics for promtool. */
function backfill(from: number, to: number): string {
  const lines = ['# TYPE node_ipvs_connections counter'];
  for (const [instance, perSecond] of Object.entries(rates)) {
    for (let at = from; at <= to; at += 15_000) {
      const total = ((at - from) / 1000) * perSecond;
      lines.push(`node_ipvs_connections_total{job="${job}",instance="${instance}"} ${total} ${at / 1000}`);
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

let lb1: TestAgent;
let lb2: TestAgent;
let withoutPrometheus: TestAgent;
let prometheus: PrometheusServer;
/** The last backfilled sample: after it rate() extrapolates over a partly empty window. */
let backfillEnd = 0;

async function fleetHistory(agent: TestAgent): Promise<FleetHistoryResponse> {
  const response = await agent.api('/fleet/history');
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return fleetHistoryResponseSchema.parse(body);
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fleet-history-'));
  lb2 = await startTestAgent();
  const fleetFile = join(dir, 'fleet.yaml');
  await writeFile(
    fleetFile,
    [
      'self: {name: lb1, pair: edge, prometheusInstance: "lb1.test:8080"}',
      'directors:',
      `  - {name: lb2, url: "${lb2.base}", token: ${testToken}, pair: edge, prometheusInstance: "lb2.test:8080"}`,
      `  - {name: lb3, url: "http://127.0.0.1:1", token: ${testToken}}`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  lb1 = await startTestAgent({
    prometheusUrl: `http://127.0.0.1:${port}`,
    prometheusSelector: `{job="${job}"}`,
    settings: { fleet: fleetFile },
  });
  withoutPrometheus = await startTestAgent({ settings: { fleet: fleetFile } });
  const now = Date.now();
  backfillEnd = now - 90_000;
  prometheus = await startPrometheus({
    backfill: backfill(Math.floor((now - 70 * 60_000) / 15_000) * 15_000, backfillEnd),
    port,
    target: { hostPort: `127.0.0.1:${lb1.agent.port}`, token: testToken, job },
  });
}, 180_000);

afterAll(async () => {
  for (const agent of [lb1, lb2, withoutPrometheus]) await agent?.agent.close();
  await prometheus?.stop();
});

describe('fleet sparklines from a real Prometheus', () => {
  it('one line per director from one query grouped by instance, at the rates backfilled', async () => {
    const answer = await fleetHistory(lb1);
    expect(answer.to - answer.from).toBe(3_600_000);
    expect(answer.stepMs).toBe(60_000);
    expect(answer.query).toBe(
      `sum by (instance) (rate(node_ipvs_connections_total{job="${job}",instance=~"lb1\\\\.test:8080|lb2\\\\.test:8080|127\\\\.0\\\\.0\\\\.1:1"}[120s]))`,
    );
    expect(answer.directors.map((director) => [director.name, director.instance])).toEqual([
      ['lb1', 'lb1.test:8080'],
      ['lb2', 'lb2.test:8080'],
      ['lb3', '127.0.0.1:1'],
    ]);
    const [one, two, three] = answer.directors;
    for (const [director, perSecond] of [
      [one!, 10],
      [two!, 30],
    ] as const) {
      expect(director.note).toBeNull();
      // 60 minutes at 1 a minute; the minutes after the backfill ends fade out or have no rate().
      const full = director.points.filter((point) => point.at <= backfillEnd);
      expect(full.length).toBeGreaterThanOrEqual(55);
      for (const point of full) expect(point.cps).toBeCloseTo(perSecond, 6);
    }
    // lb2's line is what Prometheus answers for lb2 alone, instant for instant.
    const direct = await prometheus.queryRange(
      `sum by (instance) (rate(node_ipvs_connections_total{job="${job}",instance="lb2.test:8080"}[120s]))`,
      answer.from,
      answer.to,
      answer.stepMs,
    );
    expect(two!.points).toEqual(
      direct.map(([seconds, value]) => ({ at: Math.round(seconds * 1000), cps: Number(value) })),
    );
    expect(three!.points).toEqual([]);
    expect(three!.note).toMatch(/no node_ipvs_connections_total with instance="127.0.0.1:1"/);
  });

  it('without --prometheus-url the route says how to connect one', async () => {
    const response = await withoutPrometheus.api('/fleet/history');
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect([response.status, error.code]).toEqual([404, 'PROMETHEUS_NOT_CONFIGURED']);
    expect(error.message).toMatch(/start this agent with --prometheus-url/);
  });
});
