import { afterEach, describe, expect, it } from 'vitest';
import { alertBodySchema, webhookSettingsSchema, type WebhookSettings } from '@ipvs-dashboard/shared';
import { Alerts } from '../alerts.js';
import { serverDownAlert } from '../alert-messages.js';
import { closedPort, startReceiver, type Receiver } from './webhook-receiver.js';

const open: { stop(): void }[] = [];
const receivers: Receiver[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) item.stop();
  for (const receiver of receivers.splice(0)) await receiver.close();
});

function settings(webhooks: WebhookSettings['webhooks'], retry: object = {}, queueLimit = 1000) {
  return webhookSettingsSchema.parse({ webhooks, retry, queueLimit });
}

function alertsTo(webhookSettings: WebhookSettings, lines: string[] = []): Alerts {
  const alerts = new Alerts({ settings: webhookSettings, log: (line) => lines.push(line), director: 'lb1' });
  open.push(alerts);
  return alerts;
}

async function receiver(answers?: readonly (number | 'hang')[], port?: number): Promise<Receiver> {
  const started = await startReceiver(answers, port);
  receivers.push(started);
  return started;
}

const down = serverDownAlert('tcp:10.0.0.1:80', '10.0.1.2:80', 'connect refused');

describe('webhook delivery to a loopback receiver', () => {
  it('posts the documented JSON body with the configured headers, and logs one line', async () => {
    const hook = await receiver();
    const lines: string[] = [];
    const alerts = alertsTo(
      settings([{ url: hook.url, headers: { Authorization: 'Bearer s3cret' } }]),
      lines,
    );
    const sent = alerts.notify(down);
    const [request] = await hook.waitFor(1);
    const body = alertBodySchema.parse(request?.body);
    expect(body).toEqual(sent);
    expect(body).toMatchObject({
      version: 1,
      kind: 'server-down',
      director: 'lb1',
      service: 'tcp:10.0.0.1:80',
      server: '10.0.1.2:80',
      details: { reason: 'connect refused' },
    });
    expect(body.message).toContain('10.0.1.2:80');
    expect(Number.isNaN(Date.parse(body.at))).toBe(false);
    expect(request?.headers.authorization).toBe('Bearer s3cret');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(lines).toEqual([`alert server-down: ${body.message}`]);
  });

  it('retries a 500 with a doubling wait, capped, and the same event id', async () => {
    const hook = await receiver([500, 500, 500, 200]);
    const alerts = alertsTo(
      settings([{ url: hook.url }], { firstDelaySeconds: 0.08, maxDelaySeconds: 0.2, maxAttempts: 5 }),
    );
    alerts.notify(down);
    const tries = await hook.waitFor(4);
    await alerts.idle();
    const gaps = tries.slice(1).map((t, i) => t.at - tries[i]!.at);
    // 80, 160, then 320 capped at 200 ms (a little slack below for timer rounding).
    expect(gaps[0]).toBeGreaterThanOrEqual(75);
    expect(gaps[1]).toBeGreaterThanOrEqual(155);
    expect(gaps[2]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeLessThan(300);
    expect(new Set(tries.map((t) => (t.body as { id: string }).id)).size).toBe(1);
    expect(alerts.deliveries[0]?.counts).toMatchObject({ delivered: 1, retried: 3, failed: 0 });
  });

  it('retries when the connection is refused, and delivers once the receiver is up', async () => {
    const port = await closedPort();
    const lines: string[] = [];
    const alerts = alertsTo(
      settings([{ url: `http://127.0.0.1:${port}/hook` }], { firstDelaySeconds: 0.05, maxDelaySeconds: 0.1 }),
      lines,
    );
    alerts.notify(down);
    const delivery = alerts.deliveries[0]!;
    while (delivery.counts.retried < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lines.some((line) => line.includes('ECONNREFUSED'))).toBe(true);
    const hook = await receiver([200], port);
    const [request] = await hook.waitFor(1);
    expect((request?.body as { kind: string }).kind).toBe('server-down');
    await alerts.idle();
    expect(delivery.counts.delivered).toBe(1);
  });

  it('gives up after maxAttempts, and at once on a 4xx that will not change', async () => {
    const failing = await receiver([503]);
    const refusing = await receiver([404]);
    const lines: string[] = [];
    const alerts = alertsTo(
      settings([{ url: failing.url }, { url: refusing.url }], { firstDelaySeconds: 0.01, maxAttempts: 3 }),
      lines,
    );
    alerts.notify(down);
    await alerts.idle();
    expect(failing.received).toHaveLength(3);
    expect(refusing.received).toHaveLength(1);
    expect(lines.some((line) => line.includes('gave up') && line.includes('after 3 tries'))).toBe(true);
    expect(lines.some((line) => line.includes('HTTP 404; not retried'))).toBe(true);
  });

  it('sends each receiver only the kinds it asked for', async () => {
    const downOnly = await receiver();
    const everything = await receiver();
    const alerts = alertsTo(
      settings([{ url: downOnly.url, events: ['server-up'] }, { url: everything.url }]),
    );
    alerts.notify(down);
    await alerts.idle();
    expect(downOnly.received).toHaveLength(0);
    expect(everything.received).toHaveLength(1);
  });

  it('keeps a bounded queue: behind a hung receiver the oldest waiting events are dropped, and notify never waits', async () => {
    const hook = await receiver(['hang']);
    const lines: string[] = [];
    const alerts = alertsTo(settings([{ url: hook.url }], { timeoutSeconds: 30 }, 3), lines);
    const started = performance.now();
    for (let i = 0; i < 10; i++) alerts.notify(serverDownAlert('tcp:10.0.0.1:80', `10.0.1.${i}:80`, 'x'));
    const took = performance.now() - started;
    expect(took).toBeLessThan(50);
    await hook.waitFor(1);
    const delivery = alerts.deliveries[0]!;
    expect(delivery.waiting).toBe(3);
    expect(delivery.counts.dropped).toBe(7);
    expect(lines.filter((line) => line.includes('queue full'))).toHaveLength(7);
  });

  it('stops: the request to a hung receiver is abandoned at once and nothing more is sent', async () => {
    const hook = await receiver(['hang']);
    const lines: string[] = [];
    const alerts = alertsTo(settings([{ url: hook.url }], { timeoutSeconds: 60 }), lines);
    alerts.notify(down);
    alerts.notify(down);
    await hook.waitFor(1);
    alerts.stop();
    await alerts.idle();
    for (let i = 0; i < 100 && hook.abandoned() === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(hook.abandoned()).toBe(1);
    expect(lines.at(-1)).toContain('stopping with 2 undelivered event(s)');
    alerts.notify(down);
    await new Promise((r) => setTimeout(r, 50));
    expect(hook.received).toHaveLength(1);
  });
});
