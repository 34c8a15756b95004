import { describe, expect, it } from 'vitest';
import { sampleMessageSchema, type ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { HistoryStore } from '../history/history-store.js';
import { TableSampler } from '../table-sampler.js';
import { dest, stats, tcpService } from './fixtures.js';

/** A sampler whose rate window is one reading (rates between consecutive readings). */
function sampler(windowReadings = 1, history = new HistoryStore(60)) {
  return new TableSampler(history, windowReadings);
}

function reading(at: number, table: ServiceWithDestinations[]) {
  return { at, totals: stats(), table };
}

describe('table-sampler', () => {
  it('computes per-second rates from counter deltas, beyond 2^32', () => {
    const big = 2 ** 40;
    const s = sampler();
    s.sample({
      at: 1000,
      totals: stats({ inBytes: big }),
      table: [
        tcpService('10.0.0.1', 80, [dest('10.0.1.1', 80, { stats: stats({ conns: 5 }) })], {
          stats: stats({ conns: 5, inBytes: big }),
        }),
      ],
    });
    const { message } = s.sample({
      at: 3000,
      totals: stats({ inBytes: big + 4000 }),
      table: [
        tcpService('10.0.0.1', 80, [dest('10.0.1.1', 80, { activeConns: 3, stats: stats({ conns: 25 }) })], {
          stats: stats({ conns: 25, inBytes: big + 4000 }),
        }),
      ],
    });
    expect(sampleMessageSchema.parse(message)).toEqual(message);
    expect(message.services[0]?.rates?.cps).toBe(10);
    expect(message.services[0]?.rates?.inBps).toBe(2000);
    expect(message.services[0]?.destinations[0]?.rates?.cps).toBe(10);
    expect(message.services[0]?.destinations[0]?.activeConns).toBe(3);
  });

  it('starts from zero rates and counts from zero after the counters were zeroed', () => {
    const s = sampler();
    const first = s.sample(reading(0, [tcpService('10.0.0.1', 80, [], { stats: stats({ conns: 100 }) })]));
    expect(first.message.services[0]?.rates?.cps).toBe(0);
    const zeroed = s.sample(reading(1000, [tcpService('10.0.0.1', 80, [], { stats: stats({ conns: 3 }) })]));
    expect(zeroed.message.services[0]?.rates?.cps).toBe(3);
  });

  it("measures a new row from its first reading: a real server back from the kernel's trash keeps its counters", () => {
    const s = sampler(2);
    const table = (conns: number, withServer: boolean) => [
      tcpService('10.0.0.1', 80, withServer ? [dest('10.0.1.1', 80, { stats: stats({ conns }) })] : []),
    ];
    s.sample(reading(0, table(0, false)));
    s.sample(reading(1000, table(0, false)));
    // Re-added within the trash time: ip_vs_trash_get_dest hands back the old row with its 1,579 connections.
    const revived = s.sample(reading(2000, table(1579, true)));
    expect(revived.message.services[0]?.destinations[0]?.rates?.cps).toBe(0);
    s.sample(reading(3000, table(1579, true)));
    const step = s.sample(reading(4000, table(1591, true)));
    expect(step.message.services[0]?.destinations[0]?.rates?.cps).toBe(6);
  });

  it('never drops to 0 when an estimator run comes a reading late (the two timers drift)', () => {
    const s = sampler(2);
    const row = (conns: number) => [tcpService('10.0.0.1', 80, [], { stats: stats({ conns }) })];
    const cps: (number | undefined)[] = [];
    // Steps of 20 every 2 s, then one run late by a reading, then on time again.
    const counters = [0, 0, 20, 20, 40, 40, 40, 60, 60, 80];
    counters.forEach((conns, second) => {
      cps.push(s.sample(reading(second * 1000, row(conns))).full().services[0]?.rates?.cps);
    });
    expect(cps.slice(2)).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
  });

  it('measures rates over the whole window of readings', () => {
    const s = sampler(2);
    const row = (conns: number) => [tcpService('10.0.0.1', 80, [], { stats: stats({ conns }) })];
    s.sample(reading(0, row(0)));
    s.sample(reading(1000, row(0)));
    // The kernel published 20 new connections in one step: spread over the 2 s window, 10/s twice.
    expect(s.sample(reading(2000, row(20))).message.services[0]?.rates?.cps).toBe(10);
    const same = s.sample(reading(3000, row(20)));
    expect(same.full().services[0]?.rates?.cps).toBe(10);
    expect(same.message.services).toEqual([]); // nothing moved: the client keeps its 10/s
    // The next run is due: held one reading in case it is late...
    expect(s.sample(reading(4000, row(20))).full().services[0]?.rates?.cps).toBe(10);
    // ...and none came: the traffic stopped.
    expect(s.sample(reading(5000, row(20))).message.services[0]?.rates?.cps).toBe(0);
  });

  it('leaves rows whose numbers did not move out of the next sample, and keeps them in a full one', () => {
    const s = sampler();
    const idle = dest('10.0.1.1', 80, { stats: stats({ conns: 7 }) });
    const busy = (conns: number, activeConns: number) =>
      dest('10.0.1.2', 80, { activeConns, stats: stats({ conns }) });
    const quiet = tcpService('10.0.0.2', 80, [dest('10.0.2.1', 80)]);
    const table = (conns: number, activeConns: number) => [
      tcpService('10.0.0.1', 80, [idle, busy(conns, activeConns)], { stats: stats({ conns: conns + 7 }) }),
      quiet,
    ];
    expect(s.sample(reading(0, table(1, 1))).message.services).toHaveLength(2);
    const next = s.sample(reading(1000, table(3, 2)));
    // Only the busy server, under its service; the idle server and the quiet service are absent.
    expect(next.message.full).toBe(false);
    expect(next.message.services.map((e) => e.id)).toEqual(['tcp:10.0.0.1:80']);
    expect(next.message.services[0]?.destinations.map((d) => [d.id, d.activeConns, d.rates?.cps])).toEqual([
      ['10.0.1.2:80', 2, 2],
    ]);
    // A gauge that moves without counters (a connection closing) is a change too.
    const closing = s.sample(reading(2000, table(3, 1)));
    expect(closing.message.services[0]?.destinations.map((d) => [d.activeConns, d.rates?.cps])).toEqual([
      [1, 0],
    ]);
    // Only the numbers that moved: its counters stood still, so no stats; the service's own rates moved.
    expect(Object.keys(closing.message.services[0]?.destinations[0] ?? {}).sort()).toEqual([
      'activeConns',
      'id',
      'overloaded',
      'rates',
    ]);
    expect(Object.keys(closing.message.services[0] ?? {}).sort()).toEqual(['destinations', 'id', 'rates']);
    // Rebuilt rows with the same numbers (a backend that does not reuse objects) are still left out.
    expect(s.sample(reading(3000, table(3, 1))).message.services).toEqual([]);
    const full = s.sample(reading(4000, table(3, 1))).full();
    expect(sampleMessageSchema.parse(full)).toEqual(full);
    expect(full.full).toBe(true);
    expect(
      full.services.map((e) => [e.id, e.destinations.map((d) => [d.id, d.activeConns, d.stats?.conns])]),
    ).toEqual([
      [
        'tcp:10.0.0.1:80',
        [
          ['10.0.1.1:80', 0, 7],
          ['10.0.1.2:80', 1, 3],
        ],
      ],
      ['tcp:10.0.0.2:80', [['10.0.2.1:80', 0, 0]]],
    ]);
  });

  it('tells when a real server becomes overloaded and when it is no longer', () => {
    const s = sampler();
    const table = (overloaded: boolean) => [
      tcpService('10.0.0.1', 80, [dest('10.0.1.1', 80, { inactiveConns: 90, overloaded })]),
    ];
    expect(s.sample(reading(0, table(false))).message.services[0]?.destinations[0]?.overloaded).toBe(false);
    // The flag can move while the gauges stand still (an edit lowered the threshold under the total).
    const flagged = s.sample(reading(1000, table(true))).message.services[0]?.destinations[0];
    expect(flagged).toMatchObject({ overloaded: true });
    const cleared = s.sample(reading(2000, table(false))).message.services[0]?.destinations[0];
    expect(cleared).toMatchObject({ overloaded: false });
    expect(s.sample(reading(3000, table(false))).message.services).toEqual([]);
    // With any number that moves, so a client that lost it to a stale refetch gets it back.
    const busier = [
      tcpService('10.0.0.1', 80, [dest('10.0.1.1', 80, { inactiveConns: 91, overloaded: false })]),
    ];
    expect(s.sample(reading(4000, busier)).message.services[0]?.destinations[0]).toMatchObject({
      inactiveConns: 91,
      overloaded: false,
    });
  });

  it('keeps one history point per row per sample and forgets rows that left the table', () => {
    const history = new HistoryStore(HistoryStore.capacityFor(3000, 1000));
    const s = sampler(1, history);
    const two = tcpService('10.0.0.1', 80, [dest('10.0.1.1', 80), dest('10.0.1.2', 80)]);
    for (let at = 1000; at <= 5000; at += 1000) s.sample(reading(at, [two]));
    const [series] = history.query(1000).services;
    expect(series?.points.map((p) => p.at)).toEqual([3000, 4000, 5000]);
    expect(series?.destinations.map((d) => d.points.length)).toEqual([3, 3]);
    s.sample(reading(6000, [tcpService('10.0.0.1', 80, [dest('10.0.1.2', 80)])]));
    expect(history.query(1000).services[0]?.destinations.map((d) => d.id)).toEqual(['10.0.1.2:80']);
    s.sample(reading(7000, []));
    expect(history.query(1000).services).toEqual([]);
  });
});
