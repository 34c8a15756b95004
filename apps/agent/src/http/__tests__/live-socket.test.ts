import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { liveMessageSchema, type LiveMessage, type ServiceInput } from '@ipvs-dashboard/shared';
import { startTestAgent, testToken, webService, webServiceId, type TestAgent } from './test-agent.js';

let t: TestAgent;
beforeAll(async () => {
  t = await startTestAgent({
    intervalMs: 100,
    limits: { skipAboveBytes: 16 * 1024, dropAboveBytes: 2 * 1024 * 1024 },
  });
});
afterAll(() => t.agent.close());

const serviceAt = (n: number): ServiceInput => ({
  protocol: 'udp',
  address: `10.${Math.floor(n / 250)}.${n % 250}.1`,
  port: 53,
  scheduler: 'rr',
  schedulerFlags: [],
  persistence: 0,
  netmask: '255.255.255.255',
  persistenceEngine: null,
  onePacket: false,
});

/** A live client that parses every frame with the shared schema (a bad frame fails the test). */
function openLive(headers: Record<string, string> = { authorization: `Bearer ${testToken}` }) {
  const ws = new WebSocket(`ws://127.0.0.1:${t.agent.port}/api/v1/live`, { headers });
  const frames: LiveMessage[] = [];
  /** The same frames as sent, before the schema strips fields it does not know (generation). */
  const raw: { type?: string; generation?: number }[] = [];
  const waiters: { match: (m: LiveMessage) => boolean; resolve: (m: LiveMessage) => void }[] = [];
  ws.on('message', (data: Buffer) => {
    const json = JSON.parse(data.toString('utf8')) as { type?: string; generation?: number };
    const message = liveMessageSchema.parse(json);
    frames.push(message);
    raw.push(json);
    for (const w of [...waiters])
      if (w.match(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
  });
  const next = (match: (m: LiveMessage) => boolean, after = 0) =>
    new Promise<LiveMessage>((resolve, reject) => {
      const seen = frames.slice(after).find(match);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error('no matching frame within 3 s')), 3000);
      waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  return { ws, frames, raw, next };
}

async function waitFor(condition: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

function refusal(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.agent.port}/api/v1/live`, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => undefined);
  });
}

describe('live-socket', () => {
  it('refuses upgrades without a token or from a foreign Origin', async () => {
    expect(await refusal({})).toBe(401);
    expect(await refusal({ authorization: `Bearer ${testToken}`, origin: 'https://evil.example' })).toBe(403);
    expect(await refusal({ authorization: `Bearer ${testToken}`, host: 'evil.example' })).toBe(403);
    expect(await refusal({ authorization: `Bearer ${testToken}` })).toBe(101);
  });

  it('sends a snapshot first, then a full sample, then samples of what moved every interval', async () => {
    const live = openLive();
    const first = await live.next(() => true);
    expect(first.type).toBe('snapshot');
    const full = await live.next((m) => m.type === 'sample');
    expect(full).toMatchObject({ type: 'sample', full: true });
    const next = await live.next((m) => m.type === 'sample', live.frames.indexOf(full) + 1);
    expect(next).toMatchObject({ type: 'sample', full: false });
    live.ws.close();
  });

  it('tags API changes "api" and follows them with a fresh snapshot', async () => {
    const live = openLive();
    await live.next((m) => m.type === 'snapshot');
    const mark = live.frames.length;
    await t.api('/services', { method: 'POST', json: webService });
    const change = await live.next((m) => m.type === 'change', mark);
    expect(change).toMatchObject({
      source: 'api',
      changes: [{ kind: 'service-added', service: 'tcp:10.0.0.1:80' }],
    });
    const index = live.frames.indexOf(change);
    const snapshot = await live.next((m) => m.type === 'snapshot', index);
    expect(live.frames.indexOf(snapshot)).toBe(index + 1);
    expect(snapshot.type === 'snapshot' && snapshot.services.map((s) => s.key)).toContainEqual({
      protocol: 'tcp',
      address: '10.0.0.1',
      port: 80,
    });
    // The snapshot names the same generation GET /services sends as its ETag (for If-Match).
    const etag = (await t.api('/services')).headers.get('etag');
    expect(live.raw[index + 1]?.generation).toBeGreaterThan(1);
    expect(etag).toBe(`W/"${live.raw[index + 1]?.generation}"`);
    live.ws.close();
  });

  it('tags a change made behind its back (like ipvsadm) "external"', async () => {
    const live = openLive();
    await live.next((m) => m.type === 'snapshot');
    const mark = live.frames.length;
    await t.backend.deleteService({ protocol: 'tcp', address: '10.0.0.1', port: 80 });
    const change = await live.next((m) => m.type === 'change', mark);
    live.ws.close();
    expect(change).toMatchObject({
      source: 'external',
      changes: [{ kind: 'service-removed', service: decodeURIComponent(webServiceId) }],
    });
    live.ws.close();
  });

  it('sends a snapshot larger than the drop limit to a client that keeps up', async () => {
    const small = await startTestAgent({ limits: { skipAboveBytes: 256, dropAboveBytes: 1024 } });
    try {
      for (let n = 0; n < 20; n += 1) await small.backend.addService(serviceAt(n));
      await small.agent.monitor.refresh();
      const ws = new WebSocket(`ws://127.0.0.1:${small.agent.port}/api/v1/live`, {
        headers: { authorization: `Bearer ${testToken}` },
      });
      const first = await new Promise<Buffer>((resolve) =>
        ws.once('message', (data: Buffer) => resolve(data)),
      );
      expect(first.length).toBeGreaterThan(1024);
      const message = liveMessageSchema.parse(JSON.parse(first.toString('utf8')));
      expect(message.type === 'snapshot' && message.services.length).toBe(20);
      expect(small.agent.hub.stats.dropped).toBe(0);
      ws.close();
    } finally {
      await small.agent.close();
    }
  });

  it('cuts a peer that stops answering pings, keeps one that answers', async () => {
    const heartbeat = await startTestAgent({
      // 400 ms: the answering client lives in this busy test process and must pong within one beat.
      limits: { skipAboveBytes: 1e6, dropAboveBytes: 1e7, heartbeatMs: 400 },
    });
    const ws = new WebSocket(`ws://127.0.0.1:${heartbeat.agent.port}/api/v1/live`, {
      headers: { authorization: `Bearer ${testToken}` },
    });
    await new Promise((resolve) => ws.once('open', resolve));
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(heartbeat.agent.transport.clientCount).toBe(1); // ws answers pings by itself
    // A raw socket that completes the handshake and then neither reads nor answers pings.
    const raw = connect(heartbeat.agent.port, '127.0.0.1');
    raw.write(
      'GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer ${testToken}\r\n\r\n`,
    );
    await waitFor(() => heartbeat.agent.transport.clientCount === 2);
    expect(heartbeat.agent.transport.clientCount).toBe(2);
    await waitFor(() => heartbeat.agent.transport.clientCount === 1);
    expect(heartbeat.agent.transport.clientCount).toBe(1);
    ws.close();
    raw.destroy();
    await heartbeat.agent.close();
  });

  it('disconnects a client that never reads instead of buffering without bound', async () => {
    for (let n = 0; n < 300; n += 1) await t.backend.addService(serviceAt(n));
    await t.agent.monitor.refresh();
    await waitFor(() => t.agent.transport.clientCount === 0);
    // A raw socket that completes the handshake and then never reads another byte.
    const socket = connect(t.agent.port, '127.0.0.1');
    socket.write(
      'GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer ${testToken}\r\n\r\n`,
    );
    const handshake = await new Promise<string>((resolve) =>
      socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))),
    );
    expect(handshake).toMatch(/^HTTP\/1.1 101/);
    socket.pause();
    const until = Date.now() + 20_000;
    const droppedBefore = t.agent.hub.stats.dropped;
    let n = 300;
    while (t.agent.hub.stats.dropped === droppedBefore && Date.now() < until) {
      await t.backend.addService(serviceAt(n++));
      await t.agent.monitor.refresh();
      // Let the poller's samples run too, and the sockets drain what the kernel accepts.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(t.agent.hub.stats.dropped).toBe(droppedBefore + 1);
    expect(t.agent.hub.stats.skipped).toBeGreaterThan(0);
    socket.destroy();
    await waitFor(() => t.agent.transport.clientCount === 0);
    expect(t.agent.transport.clientCount).toBe(0);
  }, 30_000);
});
