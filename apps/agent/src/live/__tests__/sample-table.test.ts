import { describe, expect, it } from 'vitest';
import { sampleMessageSchema } from '@ipvs-dashboard/shared';
import { HistoryStore } from '../history-store.js';
import { SeriesRing } from '../series-ring.js';
import { sampleTable } from '../sample-table.js';
import { dest, stats, tcpService } from './fixtures.js';

describe('sample-table', () => {
  it('computes per-second rates from counter deltas, beyond 2^32', () => {
    const big = 2 ** 40;
    const before = {
      at: 1000,
      totals: stats({ inBytes: big }),
      table: [
        tcpService('10.0.0.1', 80, [dest('10.0.1.1', 80, { stats: stats({ conns: 5 }) })], {
          stats: stats({ conns: 5, inBytes: big }),
        }),
      ],
    };
    const after = {
      at: 3000,
      totals: stats({ inBytes: big + 4000 }),
      table: [
        tcpService('10.0.0.1', 80, [dest('10.0.1.1', 80, { activeConns: 3, stats: stats({ conns: 25 }) })], {
          stats: stats({ conns: 25, inBytes: big + 4000 }),
        }),
      ],
    };
    const { message, history } = sampleTable(before, after);
    expect(sampleMessageSchema.parse(message)).toEqual(message);
    expect(message.services[0]?.rates.cps).toBe(10);
    expect(message.services[0]?.rates.inBps).toBe(2000);
    expect(message.services[0]?.destinations[0]?.rates.cps).toBe(10);
    expect(history.get('tcp:10.0.0.1:80')?.point).toMatchObject({ at: 3000, cps: 10, activeConns: 3 });
  });

  it('starts from zero rates and counts from zero after the counters were zeroed', () => {
    const table = [tcpService('10.0.0.1', 80, [], { stats: stats({ conns: 100 }) })];
    expect(sampleTable(null, { at: 0, totals: stats(), table }).message.services[0]?.rates.cps).toBe(0);
    const zeroed = [tcpService('10.0.0.1', 80, [], { stats: stats({ conns: 3 }) })];
    const rates = sampleTable(
      { at: 0, totals: stats(), table },
      {
        at: 1000,
        totals: stats(),
        table: zeroed,
      },
    ).message.services[0]?.rates;
    expect(rates?.cps).toBe(3);
  });

  it('counts a row the baseline lacks from zero, as the kernel starts a new row', () => {
    const empty = { at: 0, totals: stats(), table: [] };
    const now = {
      at: 2000,
      totals: stats(),
      table: [tcpService('10.0.0.1', 80, [], { stats: stats({ conns: 10 }) })],
    };
    expect(sampleTable(empty, now).message.services[0]?.rates.cps).toBe(5);
  });
});

describe('history-store', () => {
  it('keeps only the newest points and forgets services that left the table', () => {
    const store = new HistoryStore(HistoryStore.capacityFor(3000, 1000));
    const point = (at: number) => ({
      at,
      cps: at,
      inPps: 0,
      outPps: 0,
      inBps: 0,
      outBps: 0,
      activeConns: 0,
      inactiveConns: 0,
    });
    for (let at = 1; at <= 5; at += 1) {
      store.record(
        new Map([
          ['tcp:10.0.0.1:80', { point: point(at), destinations: new Map([['10.0.1.1:80', point(at)]]) }],
        ]),
      );
    }
    const [series] = store.query(1000).services;
    expect(series?.points.map((p) => p.at)).toEqual([3, 4, 5]);
    expect(series?.destinations[0]?.points.map((p) => p.at)).toEqual([3, 4, 5]);
    store.record(new Map());
    expect(store.query(1000).services).toEqual([]);
  });

  it('series ring drops the oldest point past capacity and keeps values a chart needs', () => {
    const ring = new SeriesRing(2);
    const point = (at: number) => ({
      at,
      cps: at / 3,
      inPps: 0,
      outPps: 0,
      inBps: 1e10 + at,
      outBps: 0,
      activeConns: 2 ** 31,
      inactiveConns: at,
    });
    [1, 2, 3].forEach((at) => ring.push(point(at)));
    const points = ring.toArray();
    expect(points.map((p) => p.at)).toEqual([2, 3]);
    expect(ring.length).toBe(2);
    expect(points[1]?.cps).toBeCloseTo(1, 6);
    expect(points[1]!.inBps / 1e10).toBeCloseTo(1, 6);
    expect(points[1]?.activeConns).toBe(2 ** 31);
  });
});
