import { describe, expect, it } from 'vitest';
import type { SampleMessage, ServiceSample } from '@ipvs-dashboard/shared';
import { destination, service, zeroStats } from '../../../testing/fixtures';
import { mergeSampleIntoTable } from '../apply-sample';
import { SampleRows } from '../sample-rows';

const rates = { cps: 2, inPps: 10, outPps: 8, inBps: 1000, outBps: 800 };
const noRates = { cps: 0, inPps: 0, outPps: 0, inBps: 0, outBps: 0 };

function sample(full: boolean, services: ServiceSample[]): SampleMessage {
  return { type: 'sample', at: 1000, full, totals: zeroStats, services };
}

const server = (id: string, conns: number, activeConns: number) => ({
  id,
  activeConns,
  inactiveConns: 0,
  persistentConns: 0,
  stats: { ...zeroStats, conns },
  rates,
});

describe('sample-rows', () => {
  it('keeps the numbers a sample leaves out, and merges those it names', () => {
    const rows = new SampleRows();
    rows.apply(
      sample(true, [
        {
          id: 'tcp:10.0.0.1:80',
          stats: { ...zeroStats, conns: 9 },
          rates,
          destinations: [server('10.1.0.1:80', 5, 2), server('10.1.0.2:80', 4, 1)],
        },
      ]),
    );
    // Only a gauge of one server moved, and the service's rates: its stats and the rest stay.
    const latest = rows.apply(
      sample(false, [
        { id: 'tcp:10.0.0.1:80', rates: noRates, destinations: [{ id: '10.1.0.2:80', activeConns: 0 }] },
      ]),
    );
    const entry = latest.get('tcp:10.0.0.1:80');
    expect(entry?.stats.conns).toBe(9);
    expect(entry?.rates).toEqual(noRates);
    expect(entry?.destinations.map((d) => [d.id, d.activeConns, d.stats.conns, d.rates.cps])).toEqual([
      ['10.1.0.1:80', 2, 5, 2],
      ['10.1.0.2:80', 0, 4, 2],
    ]);
    // A full sample replaces everything: a service it does not list is gone.
    expect([...rows.apply(sample(true, [])).keys()]).toEqual([]);
  });

  it('forgets rows a snapshot no longer lists', () => {
    const rows = new SampleRows();
    rows.apply(
      sample(true, [
        {
          id: 'tcp:10.0.0.1:80',
          stats: zeroStats,
          rates,
          destinations: [server('10.1.0.1:80', 1, 1), server('10.1.0.2:80', 1, 1)],
        },
        { id: 'tcp:10.0.0.2:80', stats: zeroStats, rates, destinations: [] },
      ]),
    );
    rows.retain([service('10.0.0.1', { destinations: [destination('10.1.0.2')] })]);
    const latest = rows.apply(sample(false, []));
    expect([...latest.keys()]).toEqual(['tcp:10.0.0.1:80']);
    expect(latest.get('tcp:10.0.0.1:80')?.destinations.map((d) => d.id)).toEqual(['10.1.0.2:80']);
  });

  it('moves only the numbers a sample names in the cached table', () => {
    const table = [service('10.0.0.1', { destinations: [destination('10.1.0.1', { activeConns: 3 })] })];
    const next = mergeSampleIntoTable(
      table,
      sample(false, [{ id: 'tcp:10.0.0.1:80', destinations: [{ id: '10.1.0.1:80', inactiveConns: 4 }] }]),
    );
    expect(next[0]?.destinations[0]).toMatchObject({ activeConns: 3, inactiveConns: 4 });
    expect(next[0]?.destinations[0]?.stats).toBe(table[0]?.destinations[0]?.stats);
    expect(next[0]?.stats).toBe(table[0]?.stats);
  });
});
