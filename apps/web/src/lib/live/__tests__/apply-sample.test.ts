import { describe, expect, it } from 'vitest';
import type { SampleMessage, ServiceSample, Stats } from '@ipvs-dashboard/shared';
import { destination, service, zeroStats } from '../../../testing/fixtures';
import { mergeSampleIntoTable } from '../apply-sample';

const zeroRates = { cps: 0, inPps: 0, outPps: 0, inBps: 0, outBps: 0 };
const moved: Stats = { ...zeroStats, conns: 5, inPackets: 40, inBytes: 4000 };

function entry(id: string, servers: { id: string; stats: Stats; activeConns?: number }[]): ServiceSample {
  return {
    id,
    stats: servers.some((server) => server.stats.conns > 0) ? moved : zeroStats,
    rates: zeroRates,
    destinations: servers.map((server) => ({
      id: server.id,
      activeConns: server.activeConns ?? 0,
      inactiveConns: 0,
      persistentConns: 0,
      stats: server.stats,
      rates: zeroRates,
    })),
  };
}

function sample(services: ServiceSample[]): SampleMessage {
  return { type: 'sample', at: 1000, full: false, totals: zeroStats, services };
}

const table = [
  service('10.0.0.1', { destinations: [destination('10.0.1.1'), destination('10.0.1.2')] }),
  service('10.0.0.2', { destinations: [destination('10.0.2.1')] }),
];

describe('apply-sample', () => {
  it('updates the counters and connections of the servers that moved', () => {
    const next = mergeSampleIntoTable(
      table,
      sample([
        entry('tcp:10.0.0.1:80', [
          { id: '10.0.1.1:80', stats: zeroStats },
          { id: '10.0.1.2:80', stats: moved, activeConns: 3 },
        ]),
        entry('tcp:10.0.0.2:80', [{ id: '10.0.2.1:80', stats: zeroStats }]),
      ]),
    );
    expect(next[0]?.stats.conns).toBe(5);
    expect(next[0]?.destinations[1]?.activeConns).toBe(3);
    expect(next[0]?.destinations[1]?.stats.inBytes).toBe(4000);
    expect(next[0]?.destinations[1]?.weight).toBe(1);
  });

  it('marks a server overloaded when only its overload flag moved, and clears it again', () => {
    const flag = (overloaded: boolean) =>
      sample([
        {
          id: 'tcp:10.0.0.1:80',
          destinations: [{ id: '10.0.1.2:80', overloaded }],
        },
      ]);
    const overloaded = mergeSampleIntoTable(table, flag(true));
    expect(overloaded[0]?.destinations[1]?.overloaded).toBe(true);
    expect(overloaded[0]?.destinations[0]?.overloaded).toBe(false);
    expect(mergeSampleIntoTable(overloaded, flag(false))[0]?.destinations[1]?.overloaded).toBe(false);
  });

  it('keeps the very objects of idle rows, so memoised rows and charts skip them', () => {
    const next = mergeSampleIntoTable(
      table,
      sample([
        entry('tcp:10.0.0.1:80', [
          { id: '10.0.1.1:80', stats: zeroStats },
          { id: '10.0.1.2:80', stats: moved },
        ]),
        entry('tcp:10.0.0.2:80', [{ id: '10.0.2.1:80', stats: { ...zeroStats } }]),
      ]),
    );
    expect(next[1]).toBe(table[1]);
    expect(next[0]?.destinations[0]).toBe(table[0]?.destinations[0]);
    expect(next[0]?.destinations[1]).not.toBe(table[0]?.destinations[1]);
  });

  it('matches rows by id when the sample lists them in another order or leaves one out', () => {
    const next = mergeSampleIntoTable(
      table,
      sample([
        entry('tcp:10.0.0.2:80', [{ id: '10.0.2.1:80', stats: moved, activeConns: 7 }]),
        entry('tcp:10.0.0.1:80', [{ id: '10.0.1.2:80', stats: moved, activeConns: 2 }]),
      ]),
    );
    expect(next[1]?.destinations[0]?.activeConns).toBe(7);
    expect(next[0]?.destinations[1]?.activeConns).toBe(2);
    expect(next[0]?.destinations[0]).toBe(table[0]?.destinations[0]);
  });
});
