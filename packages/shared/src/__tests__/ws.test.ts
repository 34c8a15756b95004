import { describe, expect, it } from 'vitest';
import { destinationId, serviceId } from '../ids.js';
import { ratesBetween, roundRate } from '../rates.js';
import { liveMessageSchema, type SampleMessage, type SnapshotMessage } from '../ws.js';
import { destination, httpService, stats } from './fixtures.js';

function tableOf(serviceCount: number, destinationsEach: number): SnapshotMessage['services'] {
  return Array.from({ length: serviceCount }, (_, s) => ({
    ...httpService(
      Array.from({ length: destinationsEach }, (_, d) =>
        destination(`10.20.${s}.${d + 1}`, 8080, { weight: 3, inactiveConns: 22, stats: stats(22) }),
      ),
    ),
    key: { protocol: 'tcp' as const, address: `10.10.10.${s + 1}`, port: 80 },
  }));
}

function sampleOf(services: SnapshotMessage['services'], at: number): SampleMessage {
  return {
    type: 'sample',
    at,
    full: true,
    totals: stats(30),
    services: services.map((service) => ({
      id: serviceId(service.key),
      stats: service.stats,
      rates: ratesBetween(stats(20), service.stats, 1000),
      destinations: service.destinations.map((dest) => ({
        id: destinationId(dest),
        activeConns: dest.activeConns,
        inactiveConns: dest.inactiveConns,
        persistentConns: dest.persistentConns,
        stats: dest.stats,
        rates: ratesBetween(undefined, dest.stats, 1000),
      })),
    })),
  };
}

describe('ws', () => {
  it('accepts the three frames the agent sends', () => {
    const services = tableOf(2, 2);
    const frames = [
      {
        type: 'snapshot',
        at: 1764000000000,
        intervalMs: 1000,
        backend: 'kernel',
        services,
        totals: stats(30),
      },
      sampleOf(services, 1764000001000),
      {
        type: 'change',
        at: 1764000002000,
        source: 'external',
        changes: [
          { kind: 'destination-removed', service: 'tcp:10.10.10.1:80', destination: '10.20.0.1:8080' },
        ],
      },
    ];
    for (const frame of frames)
      expect(liveMessageSchema.parse(JSON.parse(JSON.stringify(frame)))).toEqual(frame);
  });

  it('accepts a sample of only what moved: some rows, some of their numbers', () => {
    const services = tableOf(2, 2);
    const changes = {
      type: 'sample',
      at: 1764000001000,
      full: false,
      totals: stats(30),
      services: [{ id: 'tcp:10.10.10.1:80', destinations: [{ id: '10.20.0.1:8080', activeConns: 3 }] }],
    };
    expect(liveMessageSchema.parse(changes)).toEqual(changes);
    const { full: _omitted, ...withoutFull } = sampleOf(services, 1);
    expect(liveMessageSchema.safeParse(withoutFull).success).toBe(false);
  });

  it('refuses frames the web app could not render', () => {
    const services = tableOf(1, 1);
    const good = sampleOf(services, 1);
    const bad = [
      { ...good, type: 'samples' },
      { ...good, at: -1 },
      { ...good, totals: { ...good.totals, conns: -5 } },
      { type: 'change', at: 1, source: 'someone', changes: [] },
      { type: 'change', at: 1, source: 'api', changes: [{ kind: 'renamed' }] },
      { type: 'snapshot', at: 1, intervalMs: 0, backend: 'kernel', services, totals: stats(0) },
      { type: 'snapshot', at: 1, intervalMs: 1000, backend: 'ebpf', services, totals: stats(0) },
    ];
    for (const frame of bad)
      expect(liveMessageSchema.safeParse(frame).success, JSON.stringify(frame)).toBe(false);
  });

  it('keeps a per-second sample a fifth smaller than a full snapshot', () => {
    const services = tableOf(20, 10);
    const snapshot = JSON.stringify({
      type: 'snapshot',
      at: 1,
      intervalMs: 1000,
      backend: 'kernel',
      services,
    });
    const sample = JSON.stringify(sampleOf(services, 1));
    expect(sample.length / snapshot.length).toBeLessThan(0.8);
  });
});

describe('rates', () => {
  it('turns counter deltas into per-second rates', () => {
    const rates = ratesBetween(stats(10), stats(30), 2000);
    expect(rates).toEqual({ cps: 10, inPps: 70, outPps: 50, inBps: 4350, outBps: 4960 });
  });

  it('rounds computed rates to about three digits so samples stay short', () => {
    expect(ratesBetween(stats(0), stats(1), 3000).cps).toBe(0.33);
    expect(ratesBetween(stats(0), stats(37), 3000).cps).toBe(12.3);
    expect(ratesBetween(stats(0), stats(1000), 1003).inBps).toBe(433699);
    expect([roundRate(57.3), roundRate(99.96), roundRate(0.004)]).toEqual([57.3, 100, 0]);
  });

  it('counts from zero after the counters were zeroed, and reports nothing without a previous reading', () => {
    expect(ratesBetween(stats(1000), stats(4), 1000).cps).toBe(4);
    expect(ratesBetween(undefined, stats(4), 1000)).toEqual({
      cps: 0,
      inPps: 0,
      outPps: 0,
      inBps: 0,
      outBps: 0,
    });
  });
});
