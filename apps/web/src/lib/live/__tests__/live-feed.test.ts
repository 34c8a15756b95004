import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { SampleMessage, ServiceWithDestinations, Stats } from '@ipvs-dashboard/shared';
import { destination, service, zeroStats } from '../../../testing/fixtures';
import { changesQueryKey } from '../../changes/get-change';
import { servicesQueryKey } from '../../table/get-services';
import { tableSettingsQueryKey } from '../../table/get-table-settings';
import { LiveFeed } from '../live-feed';
import { overviewSeriesKey, serviceSeriesKey, type OverviewSeries } from '../series-queries';
import type { ServiceSeries } from '../series';

const rates = { cps: 2, inPps: 10, outPps: 8, inBps: 1000, outBps: 800 };

function sample(at: number, conns: number, active: number): SampleMessage {
  const stats: Stats = { ...zeroStats, conns };
  return {
    type: 'sample',
    at,
    full: true,
    totals: stats,
    services: [
      {
        id: 'tcp:10.0.0.1:80',
        stats,
        rates,
        destinations: [
          { id: '10.1.0.1:80', activeConns: active, inactiveConns: 1, persistentConns: 0, stats, rates },
        ],
      },
    ],
  };
}

/** A screen showing the table: an observer of its query (its fetch counted, never made on its own). */
function showTable(client: QueryClient) {
  const fetched = { count: 0 };
  const observer = new QueryObserver<ServiceWithDestinations[]>(client, {
    queryKey: servicesQueryKey,
    queryFn: () => {
      fetched.count += 1;
      return [service('10.0.0.1', { destinations: [destination('10.1.0.1', { activeConns: 99 })] })];
    },
    staleTime: Infinity,
  });
  const stop = observer.subscribe(() => undefined);
  return { fetched, stop };
}

function feedWithTable({ shown = true } = {}) {
  const client = new QueryClient();
  const feed = new LiveFeed(client, 'ws://unused');
  feed.handle({
    type: 'snapshot',
    at: 1,
    intervalMs: 1000,
    backend: 'simulated',
    services: [service('10.0.0.1', { destinations: [destination('10.1.0.1')] })],
    totals: zeroStats,
  });
  if (shown) showTable(client);
  return { client, feed };
}

describe('live-feed', () => {
  it('replaces the table with each snapshot', () => {
    const { client } = feedWithTable();
    expect(client.getQueryData<ServiceWithDestinations[]>(servicesQueryKey)).toHaveLength(1);
  });

  it('keeps the settings-only table at the last snapshot: a sample does not touch it, the next snapshot replaces it', () => {
    const { client, feed } = feedWithTable();
    const settings = client.getQueryData<ServiceWithDestinations[]>(tableSettingsQueryKey);
    expect(settings?.[0]?.destinations[0]?.weight).toBe(1);
    feed.handle(sample(2000, 42, 5));
    expect(client.getQueryData(tableSettingsQueryKey)).toBe(settings);
    expect(client.getQueryData(servicesQueryKey)).not.toBe(settings);
    feed.handle({
      type: 'snapshot',
      at: 3000,
      intervalMs: 1000,
      backend: 'simulated',
      services: [service('10.0.0.1', { destinations: [destination('10.1.0.1', { weight: 7 })] })],
      totals: zeroStats,
    });
    const next = client.getQueryData<ServiceWithDestinations[]>(tableSettingsQueryKey);
    expect(next?.[0]?.destinations[0]?.weight).toBe(7);
  });

  it('moves counters and connection numbers of the cached table with each sample', () => {
    const { client, feed } = feedWithTable();
    feed.handle(sample(2000, 42, 5));
    const table = client.getQueryData<ServiceWithDestinations[]>(servicesQueryKey);
    expect(table?.[0]?.stats.conns).toBe(42);
    expect(table?.[0]?.destinations[0]?.activeConns).toBe(5);
  });

  it('extends the overview sparklines only once their history is loaded, one point per service per sample', () => {
    const { client, feed } = feedWithTable();
    feed.handle(sample(1000, 10, 1));
    expect(client.getQueryData(overviewSeriesKey)).toBeUndefined();
    client.setQueryData<OverviewSeries>(overviewSeriesKey, {});
    feed.handle(sample(2000, 40, 2));
    feed.handle(sample(3000, 50, 3));
    const overview = client.getQueryData<OverviewSeries>(overviewSeriesKey);
    expect(overview?.['tcp:10.0.0.1:80']?.map((p) => p.activeConns)).toEqual([2, 3]);
    expect(overview?.['tcp:10.0.0.1:80']?.map((p) => p.cps)).toEqual([2, 2]);
  });

  it('extends a service page series only once its history is loaded', () => {
    const { client, feed } = feedWithTable();
    feed.handle(sample(1000, 10, 1));
    expect(client.getQueryData(serviceSeriesKey('tcp:10.0.0.1:80'))).toBeUndefined();
    client.setQueryData<ServiceSeries>(serviceSeriesKey('tcp:10.0.0.1:80'), {
      total: [],
      destinations: {},
      weights: {},
    });
    feed.handle(sample(2000, 20, 4));
    const series = client.getQueryData<ServiceSeries>(serviceSeriesKey('tcp:10.0.0.1:80'));
    expect(series?.total.map((p) => p.activeConns)).toEqual([4]);
    expect(series?.destinations['10.1.0.1:80']?.map((p) => p.cps)).toEqual([2]);
  });

  it("steps a service page's weight series when a change's snapshot brings a new weight, not every sample", () => {
    const { client, feed } = feedWithTable();
    const key = serviceSeriesKey('tcp:10.0.0.1:80');
    client.setQueryData<ServiceSeries>(key, { total: [], destinations: {}, weights: {} });
    feed.handle(sample(2000, 20, 4));
    feed.handle(sample(3000, 20, 4));
    const weightSnapshot = (weight: number) =>
      feed.handle({
        type: 'snapshot',
        at: 3500,
        intervalMs: 1000,
        backend: 'simulated',
        services: [service('10.0.0.1', { destinations: [destination('10.1.0.1', { weight })] })],
        totals: zeroStats,
      });
    weightSnapshot(0);
    feed.handle(sample(4000, 20, 4));
    weightSnapshot(3);
    feed.handle(sample(5000, 20, 4));
    feed.handle(sample(6000, 20, 4));
    const weights = client.getQueryData<ServiceSeries>(key)?.weights['10.1.0.1:80'];
    const first = destination('10.1.0.1').weight;
    expect(weights).toEqual([
      { at: 2000, weight: first },
      { at: 4000, weight: 0 },
      { at: 5000, weight: 3 },
    ]);
  });

  it('keeps the last numbers of rows a sample leaves out, and charts them every second', () => {
    const client = new QueryClient();
    client.setQueryData<OverviewSeries>(overviewSeriesKey, {});
    const feed = new LiveFeed(client, 'ws://unused');
    const two = [
      service('10.0.0.1', { destinations: [destination('10.1.0.1'), destination('10.1.0.2')] }),
      service('10.0.0.2', { destinations: [destination('10.2.0.1')] }),
    ];
    feed.handle({
      type: 'snapshot',
      at: 1,
      intervalMs: 1000,
      backend: 'simulated',
      services: two,
      totals: zeroStats,
    });
    showTable(client);
    const server = (id: string, activeConns: number, conns: number) => ({
      id,
      activeConns,
      inactiveConns: 0,
      persistentConns: 0,
      stats: { ...zeroStats, conns },
      rates,
    });
    const entry = (id: string, conns: number, destinations: ReturnType<typeof server>[]) => ({
      id,
      stats: { ...zeroStats, conns },
      rates,
      destinations,
    });
    feed.handle({
      type: 'sample',
      at: 1000,
      full: true,
      totals: zeroStats,
      services: [
        entry('tcp:10.0.0.1:80', 10, [server('10.1.0.1:80', 3, 6), server('10.1.0.2:80', 2, 4)]),
        entry('tcp:10.0.0.2:80', 7, [server('10.2.0.1:80', 1, 7)]),
      ],
    });
    // Only one real server moved: the other, and the whole second service, keep their numbers.
    feed.handle({
      type: 'sample',
      at: 2000,
      full: false,
      totals: zeroStats,
      services: [entry('tcp:10.0.0.1:80', 11, [server('10.1.0.2:80', 5, 5)])],
    });
    const table = client.getQueryData<ServiceWithDestinations[]>(servicesQueryKey);
    expect(table?.[0]?.destinations.map((d) => [d.activeConns, d.stats.conns])).toEqual([
      [3, 6],
      [5, 5],
    ]);
    expect(table?.[1]?.destinations[0]?.stats.conns).toBe(7);
    const overview = client.getQueryData<OverviewSeries>(overviewSeriesKey);
    expect(overview?.['tcp:10.0.0.1:80']?.map((p) => p.activeConns)).toEqual([5, 8]);
    expect(overview?.['tcp:10.0.0.2:80']?.map((p) => p.activeConns)).toEqual([1, 1]);
    // A service the next snapshot no longer lists stops getting points.
    feed.handle({
      type: 'snapshot',
      at: 2500,
      intervalMs: 1000,
      backend: 'simulated',
      services: [two[0]!],
      totals: zeroStats,
    });
    feed.handle({ type: 'sample', at: 3000, full: false, totals: zeroStats, services: [] });
    const after = client.getQueryData<OverviewSeries>(overviewSeriesKey);
    expect(Object.keys(after ?? {})).toEqual(['tcp:10.0.0.1:80']);
    expect(after?.['tcp:10.0.0.1:80']?.map((p) => p.activeConns)).toEqual([5, 8, 8]);
  });

  it('marks the table stale on a change event so it is fetched again', () => {
    const { client, feed } = feedWithTable();
    feed.handle({
      type: 'change',
      at: 3,
      source: 'external',
      changes: [{ kind: 'service-added', service: 'tcp:10.0.0.9:80' }],
    });
    expect(client.getQueryState(servicesQueryKey)?.isInvalidated).toBe(true);
  });

  it('marks the change log stale on every change, so Activity and the chart markers show it', () => {
    const { client, feed } = feedWithTable();
    const logKey = [...changesQueryKey, 'list', '', ''];
    client.setQueryData(logKey, { pages: [], pageParams: [] });
    feed.handle({
      type: 'change',
      at: 4,
      source: 'api',
      changeId: 'c-1',
      changes: [{ kind: 'destination-changed', service: 'tcp:10.0.0.1:80', destination: '10.1.0.1:80' }],
    });
    expect(client.getQueryState(logKey)?.isInvalidated).toBe(true);
  });
});
