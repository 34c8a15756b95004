// /metrics of a running agent carries what its checks and holds say, and the digest of its table, so
// Prometheus alert rules (deploy/prometheus) can follow them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HealthCheck } from '@ipvs-dashboard/shared';
import { testToken, webServiceId, type TestAgent } from './test-agent.js';
import { agentsForEachTest } from './web-table.js';

const fast: HealthCheck = { kind: 'tcp', intervalSeconds: 0.1, timeoutSeconds: 0.05, rise: 2, fall: 2 };
const rs = (n: number) => `/services/${webServiceId}/destinations/${encodeURIComponent(`10.0.1.${n}:80`)}`;
const labels = (n: number) =>
  `protocol="tcp",address="10.0.0.1",port="80",fwmark="",family="",real_address="10.0.1.${n}",real_port="80"`;

const { startWithTable } = agentsForEachTest();

async function agent(): Promise<TestAgent> {
  return (await startWithTable()).t;
}

async function metrics(t: TestAgent): Promise<string> {
  const response = await fetch(`${t.base}/metrics`, { headers: { authorization: `Bearer ${testToken}` } });
  expect(response.status).toBe(200);
  return response.text();
}

async function until(t: TestAgent, test: (text: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const text = await metrics(t);
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${text.slice(-1500)}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

const digestLine = (text: string) => /^ipvs_dashboard_table_digest (\S+)$/m.exec(text)?.[1];

describe('/metrics alerting families', () => {
  it('follows a check from no series to up to down with its health hold, and an operator quiesce', async () => {
    const t = await agent();
    const before = await metrics(t);
    expect(before).not.toContain('ipvs_dashboard_destination_health_up');
    expect((await t.api(`/services/${webServiceId}/check`, { method: 'PUT', json: fast })).status).toBe(200);
    const up = await until(t, (m) => m.includes(`health_up{${labels(1)}} 1`), 'health up');
    expect(up).toMatch(new RegExp(`check_duration_seconds\\{${labels(1)}\\} [0-9.e+-]+\\n`));

    await t.api(`/simulation${rs(1)}/failing`, { method: 'PUT', json: { failing: true } });
    const down = await until(t, (m) => m.includes(`held{${labels(1)},kind="health"} 1`), 'the health hold');
    expect(down).toContain(`ipvs_dashboard_destination_health_up{${labels(1)}} 0\n`);
    expect(down).toContain(`ipvs_dashboard_destination_health_up{${labels(2)}} 1\n`);

    expect((await t.api(`${rs(2)}/quiesce`, { method: 'POST' })).status).toBe(200);
    const quiesced = await metrics(t);
    expect(quiesced).toContain(`ipvs_dashboard_destination_held{${labels(2)},kind="operator"} 1\n`);

    // The check goes: its series go with it (no stale 0 left to alert on).
    expect((await t.api(`/services/${webServiceId}/check`, { method: 'DELETE' })).status).toBe(204);
    const unchecked = await until(t, (m) => !m.includes('health_up'), 'no health series');
    expect(unchecked).not.toContain('kind="health"');
  });

  it('serves the digest of GET /api/v1/config, which moves with the configuration only', async () => {
    const t = await agent();
    const config = await (await t.api('/config')).text();
    const table = config
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => `${line}\n`)
      .join('');
    const expected = parseInt(createHash('sha256').update(table).digest('hex').slice(0, 13), 16);
    const first = await metrics(t);
    expect(Number(digestLine(first))).toBe(expected);
    expect(digestLine(await metrics(t))).toBe(digestLine(first));
    expect((await t.api(rs(2), { method: 'PATCH', json: { weight: 4 } })).status).toBe(200);
    expect(digestLine(await metrics(t))).not.toBe(digestLine(first));
  });
});
