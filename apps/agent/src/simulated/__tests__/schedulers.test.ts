import { addressWords, parseIpAddress } from '@ipvs-dashboard/shared';
import type { SchedulerFlag } from '@ipvs-dashboard/shared';
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../schedulers/index.js';
import type { ScheduleRequest } from '../schedulers/index.js';
import type { SimService } from '../sim-state.js';
import { SimTable } from '../sim-table.js';
import { SH_PORT_CLIENT, SH_PORT_PICKS, SH_PORT_SERVERS } from './kernel-sh-capture.js';
import { server, service, vip } from './traffic-helpers.js';

function serviceWith(scheduler: string, weights: number[], flags: SchedulerFlag[] = []): SimService {
  const table = new SimTable();
  const svc = table.add(service({ scheduler, schedulerFlags: flags }));
  weights.forEach((weight, i) => table.addDestination(vip, server(`10.0.1.${i + 1}`, { weight }), false));
  return svc;
}

function request(client: string, clientPort = 40000, virtual = '10.0.0.1'): ScheduleRequest {
  const words = (text: string) =>
    addressWords(parseIpAddress(text) ?? { family: 'inet', bytes: [0, 0, 0, 0] });
  return {
    clientWords: words(client),
    clientPort,
    virtualWords: words(virtual),
    virtualKey: virtual,
    now: 0,
  };
}

function client(i: number): string {
  return `198.18.${i >> 8}.${i & 255}`;
}

/** How many of `n` distinct clients each server gets. */
function spread(svc: SimService, n: number, port = (_i: number) => 40000): Record<string, number> {
  const scheduler = createScheduler(svc);
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const dest = scheduler.pick(request(client(i), port(i)));
    const name = dest?.address ?? 'none';
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe('schedulers', () => {
  it('rr takes the usable servers in turn and skips weight 0', () => {
    const svc = serviceWith('rr', [1, 0, 5]);
    const scheduler = createScheduler(svc);
    const picks = Array.from({ length: 6 }, () => scheduler.pick(request('198.18.0.1'))?.address);
    expect(new Set(picks)).toEqual(new Set(['10.0.1.1', '10.0.1.3']));
    expect(picks[0]).not.toBe(picks[1]);
    expect(picks[0]).toBe(picks[2]);
  });

  it('sh sends the same client to the same server and spreads clients by weight', () => {
    const svc = serviceWith('sh', [3, 1]);
    const scheduler = createScheduler(svc);
    const first = scheduler.pick(request('198.18.7.7'));
    for (let i = 0; i < 50; i++) expect(scheduler.pick(request('198.18.7.7', 1024 + i))).toBe(first);
    const counts = spread(svc, 4000);
    // 256 buckets: weight 3 holds 3 of every 4, so about 75% of clients.
    expect((counts['10.0.1.1'] ?? 0) / 4000).toBeCloseTo(0.75, 1);
  });

  it('sh picks exactly what the 6.1 kernel picked for each source port (captured in the UML guest)', () => {
    const table = new SimTable();
    const key = { protocol: 'tcp', address: '10.10.0.100', port: 80 } as const;
    const svc = table.add(service({ ...key, scheduler: 'sh', schedulerFlags: ['sh-port'] }));
    SH_PORT_SERVERS.forEach((address, i) =>
      table.addDestination(key, server(address, { weight: i + 1 }), false),
    );
    const scheduler = createScheduler(svc);
    const picks = SH_PORT_PICKS.map(([port]) => [
      port,
      scheduler.pick(request(SH_PORT_CLIENT, port))?.address,
    ]);
    expect(picks).toEqual(SH_PORT_PICKS);
    expect(new Set(picks.map(([, address]) => address)).size).toBe(3);
  });

  it('sh-port spreads one client over the servers by source port', () => {
    const counts = spread(serviceWith('sh', [1, 1], ['sh-port']), 1, () => 0);
    expect(Object.keys(counts)).toHaveLength(1);
    const svc = serviceWith('sh', [1, 1], ['sh-port']);
    const scheduler = createScheduler(svc);
    const servers = new Set(
      Array.from({ length: 50 }, (_, i) => scheduler.pick(request('198.18.0.9', 2000 + i))?.address),
    );
    expect(servers.size).toBe(2);
  });

  it('sh finds no server for clients of a quiesced server unless sh-fallback is set', () => {
    const plain = serviceWith('sh', [1, 1]);
    (plain.destinations[0] as { settings: { weight: number } }).settings.weight = 0;
    const counts = spread(plain, 1000);
    expect(counts['none']).toBeGreaterThan(300);
    const withFallback = serviceWith('sh', [1, 1], ['sh-fallback']);
    (withFallback.destinations[0] as { settings: { weight: number } }).settings.weight = 0;
    const fallbackCounts = spread(withFallback, 1000);
    expect(fallbackCounts['none']).toBeUndefined();
    expect(Object.keys(fallbackCounts)).toHaveLength(1);
  });

  it('dh sends every client of one virtual address to one server', () => {
    const counts = spread(serviceWith('dh', [1, 1, 1]), 500);
    expect(Object.values(counts)).toEqual([500]);
  });

  it('mh keeps clients on their server, shares by weight, and moves few clients when a server goes', () => {
    const svc = serviceWith('mh', [2, 1, 1]);
    const counts = spread(svc, 6000);
    // Newest first: 10.0.1.3, .2, .1, so weight 2 is 10.0.1.1.
    expect((counts['10.0.1.1'] ?? 0) / 6000).toBeCloseTo(0.5, 1);
    const before = createScheduler(svc);
    const owners = Array.from({ length: 2000 }, (_, i) => before.pick(request(client(i)))?.address);
    svc.destinations = svc.destinations.filter((d) => d.address !== '10.0.1.3');
    const after = createScheduler(svc);
    let kept = 0;
    let survivors = 0;
    owners.forEach((owner, i) => {
      if (owner === '10.0.1.3') return;
      survivors++;
      if (after.pick(request(client(i)))?.address === owner) kept++;
    });
    expect(kept / survivors).toBeGreaterThan(0.9);
  });

  it('fo uses the heaviest usable server and fails over when it is quiesced or overloaded', () => {
    const svc = serviceWith('fo', [5, 10, 1]);
    const scheduler = createScheduler(svc);
    expect(scheduler.pick(request('198.18.0.1'))?.address).toBe('10.0.1.2');
    const heaviest = svc.destinations.find((d) => d.address === '10.0.1.2');
    if (heaviest) heaviest.overloaded = true;
    expect(scheduler.pick(request('198.18.0.1'))?.address).toBe('10.0.1.1');
  });

  it('ovf overflows to the next weight once active connections exceed the weight', () => {
    const svc = serviceWith('ovf', [2, 4]);
    const scheduler = createScheduler(svc);
    const heavy = svc.destinations.find((d) => d.address === '10.0.1.2');
    expect(scheduler.pick(request('198.18.0.1'))).toBe(heavy);
    if (heavy) heavy.activeConns = 4;
    expect(scheduler.pick(request('198.18.0.1'))).toBe(heavy);
    if (heavy) heavy.activeConns = 5;
    expect(scheduler.pick(request('198.18.0.1'))?.address).toBe('10.0.1.1');
  });

  it('lc ignores weights, wlc divides by them, nq prefers an idle server', () => {
    for (const [name, expected] of [
      ['lc', '10.0.1.2'],
      ['wlc', '10.0.1.1'],
    ] as const) {
      const svc = serviceWith(name, [10, 1]);
      const [light, heavy] = [svc.destinations[0], svc.destinations[1]];
      if (light && heavy) {
        light.activeConns = 1;
        heavy.activeConns = 3;
      }
      expect(createScheduler(svc).pick(request('198.18.0.1'))?.address, name).toBe(expected);
    }
    const svc = serviceWith('nq', [10, 1]);
    const [idle, busy] = [svc.destinations[0], svc.destinations[1]];
    if (idle && busy) busy.activeConns = 5;
    expect(createScheduler(svc).pick(request('198.18.0.1'))).toBe(idle);
  });

  it('none schedules nothing', () => {
    expect(createScheduler(serviceWith('none', [1])).pick(request('198.18.0.1'))).toBeNull();
  });
});
