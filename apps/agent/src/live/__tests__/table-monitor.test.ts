import { describe, expect, it } from 'vitest';
import { AppError, type ServiceInput } from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../../simulated/index.js';
import { TableMonitor, type MonitorEvent } from '../table-monitor.js';

const service = (n: number): ServiceInput => ({
  protocol: 'tcp',
  address: `10.0.0.${n}`,
  port: 80,
  scheduler: 'rr',
  schedulerFlags: [],
  persistence: 0,
  netmask: '255.255.255.255',
  persistenceEngine: null,
  onePacket: false,
});

describe('table-monitor', () => {
  it('tags every API change "api" even while the poller runs flat out', async () => {
    const backend = new SimulatedBackend();
    const monitor = new TableMonitor(backend, { intervalMs: 1, historyWindowMs: 1000 });
    const events: MonitorEvent[] = [];
    monitor.subscribe((e) => events.push(e));
    await monitor.start();
    for (let n = 1; n <= 40; n += 1) {
      await monitor.apply(
        () => backend.addService(service(n)),
        null,
        () => new Error('stale'),
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    monitor.stop();
    const changes = events.filter((e) => e.type === 'change');
    expect(changes).toHaveLength(40);
    expect(changes.every((e) => e.type === 'change' && e.source === 'api')).toBe(true);
  });

  it('refuses a change against a stale generation and leaves the table alone', async () => {
    const backend = new SimulatedBackend();
    const monitor = new TableMonitor(backend, { intervalMs: 1000, historyWindowMs: 1000 });
    const seen = (await monitor.refresh('external')).generation;
    await backend.addService(service(1)); // someone else, e.g. ipvsadm
    const attempt = monitor.apply(
      () => backend.addService(service(2)),
      seen,
      () => new AppError('CONFLICT'),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await backend.snapshot()).map((s) => s.key)).toEqual([
      { protocol: 'tcp', address: '10.0.0.1', port: 80 },
    ]);
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
});
