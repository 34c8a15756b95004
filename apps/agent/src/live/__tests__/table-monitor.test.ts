import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';

import { SimulatedBackend } from '../../simulated/index.js';
import { serviceInput } from './fixtures.js';
import { TableMonitor, type MonitorEvent } from '../table-monitor.js';

const service = serviceInput;

describe('table-monitor', () => {
  it('tags every API change "api" even while the poller runs flat out', async () => {
    const backend = new SimulatedBackend();
    const monitor = new TableMonitor(backend, { intervalMs: 1, historyWindowMs: 1000 });
    const events: MonitorEvent[] = [];
    monitor.subscribe((e) => events.push(e));
    await monitor.start();
    for (let n = 1; n <= 40; n += 1) {
      await monitor.apply(
        async (commit) => {
          await backend.addService(service(n));
          commit({ changeId: `c${n}`, services: new Set([`tcp:10.0.0.${n}:80`]) });
        },
        null,
        () => new Error('stale'),
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    monitor.stop();
    const changes = events.filter((e) => e.type === 'change');
    expect(changes).toHaveLength(40);
    expect(changes.every((e) => e.type === 'change' && e.source === 'api')).toBe(true);
    expect(changes.map((e) => (e.type === 'change' ? e.changeId : ''))).toEqual(
      Array.from({ length: 40 }, (_, i) => `c${i + 1}`),
    );
  });

  it("re-reads after a change only once the change's answer is out", async () => {
    const backend = new SimulatedBackend();
    const monitor = new TableMonitor(backend, { intervalMs: 60_000, historyWindowMs: 60_000 });
    const changes: MonitorEvent[] = [];
    monitor.subscribe((e) => e.type === 'change' && changes.push(e));
    await monitor.refresh();
    let answered = () => {};
    const answer = new Promise<void>((resolve) => (answered = resolve));
    await monitor.apply(
      async (commit) => {
        await backend.addService(service(1));
        commit({ changeId: 'mine', services: new Set(['tcp:10.0.0.1:80']) });
      },
      null,
      () => new Error('stale'),
      answer,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toHaveLength(0);
    answered();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toEqual([expect.objectContaining({ source: 'api', changeId: 'mine' })]);
  });

  it('tells an external change apart from an API change found by the same read', async () => {
    const backend = new SimulatedBackend();
    const monitor = new TableMonitor(backend, { intervalMs: 1000, historyWindowMs: 1000 });
    const changes: MonitorEvent[] = [];
    monitor.subscribe((e) => e.type === 'change' && changes.push(e));
    await monitor.refresh();
    await monitor.apply(
      async (commit) => {
        await backend.addService(service(1));
        await backend.addService(service(2)); // as if ipvsadm ran meanwhile
        commit({ changeId: 'mine', services: new Set(['tcp:10.0.0.1:80']) });
      },
      null,
      () => new Error('stale'),
    );
    await monitor.refresh();
    expect(changes).toHaveLength(2);
    expect(changes).toContainEqual(
      expect.objectContaining({
        source: 'api',
        changeId: 'mine',
        changes: [{ kind: 'service-added', service: 'tcp:10.0.0.1:80' }],
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        source: 'external',
        changes: [{ kind: 'service-added', service: 'tcp:10.0.0.2:80' }],
      }),
    );
  });

  it('refuses a change against a stale generation and leaves the table alone', async () => {
    const backend = new SimulatedBackend();
    const monitor = new TableMonitor(backend, { intervalMs: 1000, historyWindowMs: 1000 });
    const seen = (await monitor.refresh()).generation;
    await backend.addService(service(1)); // someone else, e.g. ipvsadm
    const attempt = monitor.apply(
      async () => backend.addService(service(2)),
      seen,
      () => new AppError('CONFLICT'),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await backend.snapshot()).map((s) => s.key)).toEqual([
      { protocol: 'tcp', address: '10.0.0.1', port: 80 },
    ]);
  });

  it("gives every write its own generation, and a writer's own fresh ETag still matches", async () => {
    const backend = new SimulatedBackend();
    const monitor = new TableMonitor(backend, { intervalMs: 1000, historyWindowMs: 1000 });
    const published: number[] = [];
    monitor.subscribe((e) => {
      if (e.type === 'snapshot') published.push(e.reading.generation);
    });
    const start = (await monitor.refresh()).generation;
    const write = (n: number, expected: number | null) =>
      monitor.apply(
        async (commit) => {
          await backend.addService(service(n));
          return commit({ changeId: `c${n}`, services: new Set([`tcp:10.0.0.${n}:80`]) });
        },
        expected,
        () => new AppError('CONFLICT'),
      );
    // Two writers at once: two generations, not one handed to both.
    const [a, b] = await Promise.all([write(1, null), write(2, null)]);
    expect(new Set([a.generation, b.generation]).size).toBe(2);
    expect(Math.min(a.generation, b.generation)).toBeGreaterThan(start);
    // Reusing the ETag of one's own last write succeeds while nobody else wrote...
    const c = await write(3, Math.max(a.generation, b.generation));
    const d = await write(4, c.generation);
    expect(d.generation).toBe(c.generation + 1);
    // ...and fails, changing nothing, once someone did.
    await backend.addService(service(5));
    await expect(write(6, d.generation)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await backend.snapshot()).toHaveLength(5);
    await monitor.refresh();
    expect([...published].sort((x, y) => x - y)).toEqual(published);
    expect(new Set(published).size).toBe(published.length);
  });

  it('starts generations from the clock, so an ETag from before a restart never matches', () => {
    const before = Date.now();
    const monitor = new TableMonitor(new SimulatedBackend(), { intervalMs: 1000, historyWindowMs: 1000 });
    expect(monitor.currentGeneration).toBeGreaterThanOrEqual(before);
  });

  it('reports a failing backend as unhealthy until it answers again', async () => {
    const backend = new SimulatedBackend();
    const monitor = new TableMonitor(backend, { intervalMs: 1000, historyWindowMs: 1000 });
    await monitor.tick();
    expect(monitor.healthy).toBe(true);
    backend.snapshot = () => Promise.reject(new AppError('KERNEL_TIMEOUT'));
    await expect(monitor.tick()).rejects.toMatchObject({ code: 'KERNEL_TIMEOUT' });
    expect(monitor.healthy).toBe(false);
  });

  it('measures rates over a counter refresh, so 1 s samples of 2 s kernel counters do not zigzag', async () => {
    let clock = 1_000_000;
    const now = (): number => clock;
    const backend = new SimulatedBackend({ now, seed: 7 });
    await backend.addService(service(1));
    await backend.addDestination(
      { protocol: 'tcp', address: '10.0.0.1', port: 80 },
      {
        address: '10.0.1.1',
        port: 80,
        forwarding: 'masq',
        weight: 1,
        upperThreshold: 0,
        lowerThreshold: 0,
        tunnelType: 'ipip',
        tunnelPort: 0,
        tunnelChecksum: 'nocsum',
      },
    );
    backend.setTraffic(
      { protocol: 'tcp', address: '10.0.0.1', port: 80 },
      {
        connectionsPerSecond: 50,
        variation: 0,
        meanDurationSeconds: 1,
        packetsIn: 5,
        packetsOut: 5,
        bytesIn: 500,
        bytesOut: 5000,
        clients: 100,
      },
    );
    const monitor = new TableMonitor(backend, { intervalMs: 1000, historyWindowMs: 60_000, now });
    const cps: number[] = [];
    monitor.subscribe((event) => {
      if (event.type === 'sample') cps.push(event.sample.full().services[0]?.rates?.cps ?? -1);
    });
    for (let second = 0; second < 20; second++) {
      clock += 1000;
      backend.tick(1000);
      await monitor.tick();
    }
    // The simulated kernel, like the real one, publishes its counters every 2 s: every sample after the
    // first window must still show about 50 conn/s, none 0 and none 100.
    const steady = cps.slice(4);
    expect(steady.length).toBe(16);
    for (const rate of steady) expect(rate).toBeGreaterThan(35);
    for (const rate of steady) expect(rate).toBeLessThan(65);
  });
});
