import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { historyResponseSchema, infoResponseSchema } from '@ipvs-dashboard/shared';
import { startTestAgent, webService, webServiceId, type TestAgent } from './test-agent.js';

// GET /history/range without Prometheus, and with one that is not there. With a real Prometheus:
// test/long-history.

/** A loopback port nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

const agents: TestAgent[] = [];
afterAll(async () => {
  for (const agent of agents) await agent.agent.close();
});

async function agentWith(options: Parameters<typeof startTestAgent>[0]): Promise<TestAgent> {
  const agent = await startTestAgent(options);
  agents.push(agent);
  await agent.api('/services', { method: 'POST', json: webService });
  return agent;
}

describe('GET /history/range', () => {
  it('without --prometheus-url: /info says so and the range says how to connect one', async () => {
    const t = await agentWith({});
    expect(infoResponseSchema.parse(await (await t.api('/info')).json()).prometheus).toBeNull();
    const response = await t.api(`/history/range?service=${webServiceId}&range=24h`);
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('PROMETHEUS_NOT_CONFIGURED');
    expect(error.message).toContain('--prometheus-url');
  });

  it('refuses a query it cannot read, naming the field', async () => {
    const t = await agentWith({});
    const response = await t.api(`/history/range?service=${webServiceId}&range=2d`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('range');
  });

  it('Prometheus unreachable: a clear 502 naming it, and the live history still answers', async () => {
    const port = await closedPort();
    const t = await agentWith({
      prometheusUrl: `http://user:secret@127.0.0.1:${port}`,
      prometheusSelector: '{job="ipvs-dashboard"}',
    });
    const info = infoResponseSchema.parse(await (await t.api('/info')).json());
    expect(info.prometheus).toEqual({ selector: '{job="ipvs-dashboard"}' });
    const response = await t.api(`/history/range?service=${webServiceId}&range=6h`);
    expect(response.status).toBe(502);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('PROMETHEUS_UNAVAILABLE');
    expect(error.message).toContain(`Prometheus at http://127.0.0.1:${port} could not be reached`);
    expect(error.message).not.toContain('secret');
    await new Promise((resolve) => setTimeout(resolve, 350));
    const live = await t.api(`/history?service=${webServiceId}`);
    expect(live.status).toBe(200);
    expect(historyResponseSchema.parse(await live.json()).services).toHaveLength(1);
  });
});
