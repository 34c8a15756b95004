import { describe, expect, it } from 'vitest';
import { DEMO_QUIESCED, DEMO_WEB } from '../demo-table.js';
import { SimulatedBackend } from '../simulated-backend.js';

describe('demo table', () => {
  it('holds one service of each kind, in ipvsadm order', async () => {
    const backend = await SimulatedBackend.withDemo({ now: () => 0 });
    const services = await backend.snapshot();
    expect(services.map((s) => `${s.key.protocol}/${s.family}/${s.scheduler}`)).toEqual([
      'tcp/inet/wlc',
      'tcp/inet/sh',
      'udp/inet/rr',
      'sctp/inet/rr',
      'tcp/inet6/mh',
      'fwmark/inet/wrr',
    ]);
    expect(services.find((s) => s.key.protocol === 'tcp' && s.key.port === 443)?.persistence).toBe(600);
    expect(
      services.find((s) => s.key.protocol === 'fwmark')?.destinations.every((d) => d.forwarding === 'tunnel'),
    ).toBe(true);
  });

  it('has moving rates and counters on every service from the first read', async () => {
    const backend = await SimulatedBackend.withDemo({ now: () => 0 });
    const first = await backend.snapshot();
    for (const service of first) {
      expect(service.stats.cps, `cps of ${service.scheduler}`).toBeGreaterThan(0);
      expect(service.stats.inBps).toBeGreaterThan(0);
    }
    expect((await backend.totals()).inPps).toBeGreaterThan(0);
    backend.tick(2000);
    const second = await backend.snapshot();
    second.forEach((service, i) =>
      expect(service.stats.inBytes).toBeGreaterThan(first[i]?.stats.inBytes ?? 0),
    );
  });

  it('shows a quiesced web server draining: weight 0, no new connections, closing ones still listed', async () => {
    const backend = await SimulatedBackend.withDemo({ now: () => 0 });
    const quiesced = async () =>
      (await backend.listDestinations(DEMO_WEB)).find((d) => d.address === DEMO_QUIESCED.address);
    const before = await quiesced();
    expect(before?.weight).toBe(0);
    expect(before?.activeConns).toBe(0);
    expect(before?.inactiveConns).toBeGreaterThan(0);
    backend.tick(5000);
    expect((await quiesced())?.stats.conns).toBe(before?.stats.conns);
    const others = (await backend.listDestinations(DEMO_WEB)).filter((d) => d.weight > 0);
    for (const dest of others) expect(dest.activeConns).toBeGreaterThan(0);
  });

  it('runs on after start() from where the warm-up left off', async () => {
    let now = 1_000_000;
    const backend = await SimulatedBackend.withDemo({ now: () => now });
    const before = (await backend.totals()).conns;
    backend.start(5);
    now += 2000;
    await new Promise((resolve) => setTimeout(resolve, 40));
    await backend.close();
    expect((await backend.totals()).conns).toBeGreaterThan(before);
  });
});
