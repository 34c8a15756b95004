// Alerts end to end through a running agent over the simulated backend: a health transition, a change made
// outside the agent and an interrupted change each reach a real loopback receiver as webhooks; a receiver
// that never answers slows nothing.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alertBodySchema, type AlertBody, type Destination, type HealthCheck } from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../../simulated/index.js';
import { startReceiver, type Receiver } from '../../alerts/__tests__/webhook-receiver.js';
import { startTestAgent, webServiceId, type TestAgent } from './test-agent.js';
import { masqServer, webBackend, webKey } from './web-table.js';

const key = webKey;
const rs1 = `/services/${webServiceId}/destinations/${encodeURIComponent('10.0.1.1:80')}`;
const rs2 = `/services/${webServiceId}/destinations/${encodeURIComponent('10.0.1.2:80')}`;
const fast: HealthCheck = { kind: 'tcp', intervalSeconds: 0.1, timeoutSeconds: 0.05, rise: 2, fall: 2 };

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function agentSendingTo(
  receiver: Receiver,
  options: { retry?: object; stateDir?: string; backend?: SimulatedBackend } = {},
) {
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'alerts-')));
  const file = join(stateDir, 'webhooks.json');
  await writeFile(file, JSON.stringify({ webhooks: [{ url: receiver.url }], retry: options.retry ?? {} }));
  const lines: string[] = [];
  const t = await startTestAgent({
    backend: options.backend ?? (await webBackend()),
    stateDir,
    settings: { webhooks: file },
    log: (line) => lines.push(line),
  });
  cleanup.push(() => t.agent.close());
  return { t, lines };
}

async function receiver(answers?: readonly (number | 'hang')[]): Promise<Receiver> {
  const started = await startReceiver(answers);
  cleanup.push(() => started.close());
  return started;
}

async function until<T>(read: () => Promise<T>, test: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const read = (t: TestAgent, path: string) => async () => (await (await t.api(path)).json()) as Destination;
const bodies = (hook: Receiver) => hook.received.map((r) => alertBodySchema.parse(r.body));
const kinds = (hook: Receiver) => bodies(hook).map((b) => `${b.kind} ${b.server ?? ''}`.trim());

async function setFailing(t: TestAgent, failing: boolean) {
  const response = await t.api(`/simulation${rs1}/failing`, { method: 'PUT', json: { failing } });
  expect(response.status).toBe(200);
}

describe('alert webhooks from a running agent', () => {
  it('sends server-down when a check takes a real server out and server-up when it returns', async () => {
    const hook = await receiver();
    const { t, lines } = await agentSendingTo(hook);
    expect((await t.api(`/services/${webServiceId}/check`, { method: 'PUT', json: fast })).status).toBe(200);
    await until(read(t, rs1), (d) => d.health?.state === 'up', 'the first verdict');
    // A new check's first "up" is no news.
    expect(hook.received).toHaveLength(0);

    await setFailing(t, true);
    const [downRequest] = await hook.waitFor(1);
    const down = alertBodySchema.parse(downRequest?.body);
    expect(down).toMatchObject({
      version: 1,
      kind: 'server-down',
      service: 'tcp:10.0.0.1:80',
      server: '10.0.1.1:80',
      details: { reason: 'connect refused (simulated)' },
    });
    expect((await until(read(t, rs1), (d) => d.weight === 0, 'weight 0')).holds?.[0]?.kind).toBe('health');

    await setFailing(t, false);
    await hook.waitFor(2);
    expect(kinds(hook)).toEqual(['server-down 10.0.1.1:80', 'server-up 10.0.1.1:80']);
    await until(read(t, rs1), (d) => d.weight === 7, 'weight 7 again');
    expect(lines.filter((line) => line.startsWith('alert '))).toEqual(
      bodies(hook).map((b: AlertBody) => `alert ${b.kind}: ${b.message}`),
    );
  });

  it('sends drain-done when a drain ends', async () => {
    const hook = await receiver();
    const { t } = await agentSendingTo(hook);
    const started = await t.api(`${rs2}/drain`, {
      method: 'POST',
      json: { then: 'keep', deadlineSeconds: 30 },
    });
    expect(started.status).toBe(201);
    // No traffic on this table: nothing to wait for, so it ends at the next reading.
    const [request] = await hook.waitFor(1);
    expect(alertBodySchema.parse(request?.body)).toMatchObject({
      kind: 'drain-done',
      service: 'tcp:10.0.0.1:80',
      server: '10.0.1.2:80',
      details: { then: 'keep', reason: 'empty', remaining: 0 },
    });
    expect((await read(t, rs2)()).weight).toBe(0);
  });

  it('sends external-change for a change made outside the agent', async () => {
    const hook = await receiver();
    const backend = await webBackend();
    const { t } = await agentSendingTo(hook, { backend });
    await backend.editDestination(key, masqServer('10.0.1.2', 9)); // as ipvsadm -e would
    const [request] = await hook.waitFor(1);
    const body = alertBodySchema.parse(request?.body);
    expect(body).toMatchObject({ kind: 'external-change', service: 'tcp:10.0.0.1:80' });
    expect(body.details.commands).toEqual(['ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 9']);
    const changes = (await (await t.api('/changes?source=external')).json()) as { items: { id: string }[] };
    expect(body.details.changeId).toBe(changes.items[0]?.id);
  });

  it('sends interrupted-change at start when a change was cut off', async () => {
    const hook = await receiver();
    const stateDir = await mkdtemp(join(tmpdir(), 'alerts-'));
    const header = {
      id: 'crash1',
      action: 'restore',
      summary: 'Replaced the table',
      actor: { type: 'api', name: 'admin' },
      startedAt: 1,
      total: 3,
      services: ['tcp:10.0.0.1:80'],
      before: [],
      target: [],
    };
    await writeFile(join(stateDir, 'journal-crash1.jsonl'), `${JSON.stringify(header)}\n{"applied":1}\n`);
    await agentSendingTo(hook, { stateDir });
    const [request] = await hook.waitFor(1);
    expect(alertBodySchema.parse(request?.body)).toMatchObject({
      kind: 'interrupted-change',
      details: { changeId: 'crash1', applied: 1, total: 3 },
    });
  });

  it('a receiver that never answers slows no change: the check still takes the server out on time', async () => {
    const hook = await receiver(['hang']);
    const { t } = await agentSendingTo(hook, { retry: { timeoutSeconds: 60 } });
    expect((await t.api(`/services/${webServiceId}/check`, { method: 'PUT', json: fast })).status).toBe(200);
    await until(read(t, rs1), (d) => d.health?.state === 'up', 'the first verdict');
    const failedAt = Date.now();
    await setFailing(t, true);
    await until(read(t, rs1), (d) => d.weight === 0, 'weight 0');
    // fall 2 x interval 0.1 s, plus scheduling; the hung webhook would add its 60 s timeout if it blocked.
    expect(Date.now() - failedAt).toBeLessThan(2000);
    await hook.waitFor(1);
    for (let i = 1; i <= 5; i++) {
      const started = performance.now();
      const response = await t.api(rs2, { method: 'PATCH', json: { weight: 3 + i } });
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    await setFailing(t, false);
    await until(read(t, rs1), (d) => d.weight === 7, 'weight 7 again');
    // Still one request on the wire (the down event); the up event waits behind it, nothing was lost.
    expect(hook.received).toHaveLength(1);
    expect(t.agent.alerts.deliveries[0]?.waiting).toBe(2);
  });
});
