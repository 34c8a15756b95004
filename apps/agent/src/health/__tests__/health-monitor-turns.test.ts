// Regression for bench:checks' stalls: with one Node timer per real server, a loop that fell behind ran
// every due check in one block of seconds. On a fake clock (fake-loop.ts): 10,000 servers checked every
// 2 s start at most 8 checks per event-loop turn, each server once per interval and never twice at once,
// with well under one clock read per check (each is a system call in the user-mode Linux guest).
import type { HealthCheck, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { describe, expect, it } from 'vitest';
import type { CheckStore, HoldStore } from '../../state/index.js';
import type { ChangePipeline } from '../../changes/change-pipeline.js';
import { HealthMonitor } from '../health-monitor.js';
import type { Probe } from '../probes/probe.js';
import { FakeLoop } from './fake-loop.js';

const SERVERS = 10_000;
const check: HealthCheck = { kind: 'tcp', intervalSeconds: 2, timeoutSeconds: 1, rise: 1, fall: 3 };

function tableOf(servers: number): ServiceWithDestinations[] {
  const destinations = Array.from({ length: servers }, (_, i) => ({
    address: '10.77.0.2',
    port: 10_000 + i,
  }));
  const key = { protocol: 'tcp', family: 'inet', address: '10.78.0.1', port: 80 };
  return [{ key, destinations } as unknown as ServiceWithDestinations];
}

describe('HealthMonitor on a fake clock', () => {
  it('checks 10,000 servers every 2 s at most 8 starts per turn, one at a time per server', async () => {
    const loop = new FakeLoop();
    const startsPerTurn = new Map<number, number>();
    const inFlight = new Set<number>();
    const checksOf = new Map<number, number>();
    let overlapped = 0;
    // Every check takes 30 ms of the fake clock: a fake timer answers it.
    const probe: Probe = (target) => {
      startsPerTurn.set(loop.turn, (startsPerTurn.get(loop.turn) ?? 0) + 1);
      if (inFlight.has(target.port)) overlapped += 1;
      inFlight.add(target.port);
      checksOf.set(target.port, (checksOf.get(target.port) ?? 0) + 1);
      return new Promise((resolve) => {
        loop.setTimer(() => {
          inFlight.delete(target.port);
          resolve({ ok: true, detail: 'connected' });
        }, 30);
      });
    };
    const monitor = new HealthMonitor({
      pipeline: {} as ChangePipeline,
      holds: { holdsOf: () => [] } as unknown as HoldStore,
      checks: { effectiveCheck: () => check } as unknown as CheckStore,
      probe,
      log: () => undefined,
      timers: loop,
    });
    monitor.sync(tableOf(SERVERS));
    const readsBefore = loop.clockReads;
    await loop.runUntil(9_999);
    expect(monitor.healthOf('tcp:10.78.0.1:80 10.77.0.2:10000').state).toBe('up');
    monitor.stop();

    const checks = [...checksOf.values()];
    expect(checksOf.size).toBe(SERVERS);
    // Just under 10 s at one check per 2 s: 5 each (4 for a server whose slot is the interval's last ms).
    expect(Math.min(...checks)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...checks)).toBeLessThanOrEqual(5);
    expect(Math.max(...startsPerTurn.values())).toBeLessThanOrEqual(8);
    expect(overlapped).toBe(0);
    const total = checks.reduce((a, b) => a + b, 0);
    // One clock read per turn, shared by the checks it starts and those that finished before it.
    expect((loop.clockReads - readsBefore) / total).toBeLessThan(0.6);
  });
});
