import type { QueryClient } from '@tanstack/react-query';
import {
  liveMessageSchema,
  serviceIdOf,
  type LiveMessage,
  type SampleMessage,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { api } from '../api/api-client';
import { changesQueryKey } from '../changes/get-change';
import { servicesQueryKey } from '../table/get-services';
import { infoQueryKey } from '../table/get-info';
import { quiescedQueryKey } from '../table/get-quiesced';
import { tableSettingsQueryKey } from '../table/get-table-settings';
import { appendOverview, appendServiceSeries, mergeSampleIntoTable as mergeTable } from './apply-sample';
import { createFrameChecker } from './frame-checker';
import { LiveSocket, liveUrl } from './live-socket';
import { SampleRows } from './sample-rows';
import type { ServiceSeries } from './series';
import { overviewSeriesKey, serviceSeriesKey, type OverviewSeries } from './series-queries';
import { totalsQueryKey } from './totals-query';

// The bridge from the one WebSocket to the react-query cache: snapshots replace the table, samples
// append to the series the charts read, change events invalidate what they touch, a reconnect refetches.
export const backendQueryKey = ['live', 'backend'] as const;
const serviceSeriesPrefix = ['series', 'service'] as const;

export class LiveFeed {
  readonly socket: LiveSocket<LiveMessage>;
  /** Every row's latest numbers: samples name only the rows that moved. */
  private readonly rows = new SampleRows();

  constructor(
    private readonly queryClient: QueryClient,
    url: string,
    createSocket?: (url: string) => WebSocket,
  ) {
    // Every sample replaces the table and the series with new objects; react-query's structural sharing
    // would then deep-compare 11,000 rows and 60,000 points a second (~25 ms a sample in bench:ui) only to
    // find that nearly everything changed. Rows stay memoised on their own values instead.
    queryClient.setQueryDefaults(servicesQueryKey, { structuralSharing: false });
    queryClient.setQueryDefaults(tableSettingsQueryKey, { structuralSharing: false });
    queryClient.setQueryDefaults(['series'], { structuralSharing: false });
    this.socket = new LiveSocket<LiveMessage>({
      url,
      parse: (data) => liveMessageSchema.parse(data),
      onMessage: (message) => this.handle(message),
      onReconnect: () => void this.queryClient.invalidateQueries(),
      // Samples of a large table are megabytes: their schema check runs in a worker (frame-check.worker.ts).
      checkOffThread: createFrameChecker(),
      ...(createSocket ? { createSocket } : {}),
    });
    // A WebSocket refused at the upgrade only says "closed"; ask the REST API whether the session is gone
    // (the agent restarted), so the UI can offer to sign in again instead of retrying forever.
    this.socket.subscribe((status) => {
      if (status.kind === 'reconnecting') void api.get('/info').catch(() => undefined);
    });
  }

  handle(message: LiveMessage): void {
    switch (message.type) {
      case 'snapshot':
        this.queryClient.setQueryData(servicesQueryKey, message.services);
        this.queryClient.setQueryData(tableSettingsQueryKey, message.services);
        this.rows.retain(message.services);
        this.queryClient.setQueryData(backendQueryKey, message.backend);
        this.queryClient.setQueryData(totalsQueryKey, message.totals);
        return;
      case 'sample':
        this.applySample(message);
        return;
      case 'change':
        void this.queryClient.invalidateQueries({ queryKey: servicesQueryKey });
        void this.queryClient.invalidateQueries({ queryKey: ['connections'] });
        // The agent forgets a remembered weight when the server's weight is set elsewhere or it is removed.
        void this.queryClient.invalidateQueries({ queryKey: quiescedQueryKey });
        // Every change, ours or seen from outside, is a new entry in the change log (Activity, chart markers).
        void this.queryClient.invalidateQueries({ queryKey: changesQueryKey });
        if (message.changes.some((change) => change.kind === 'cleared' || change.kind === 'zeroed')) {
          void this.queryClient.invalidateQueries({ queryKey: infoQueryKey });
        }
        for (const change of message.changes) {
          if (change.kind === 'service-removed' && change.service) {
            this.queryClient.removeQueries({ queryKey: serviceSeriesKey(change.service) });
          }
        }
        return;
    }
  }

  private applySample(sample: SampleMessage): void {
    const client = this.queryClient;
    client.setQueryData<ServiceWithDestinations[]>(servicesQueryKey, (current) =>
      current ? mergeTable(current, sample) : current,
    );
    client.setQueryData(totalsQueryKey, sample.totals);
    const rows = this.rows.apply(sample);
    // The overview's series start from its history query; until that has answered there is nothing to extend.
    client.setQueryData<OverviewSeries>(overviewSeriesKey, (series) =>
      series ? appendOverview(series, sample.at, rows.values()) : series,
    );
    // Only services whose page has loaded its history keep a full per-server series: look those few up,
    // rather than asking the cache about each of the 1,000 services in the sample.
    const loaded = client.getQueryCache().findAll({ queryKey: serviceSeriesPrefix });
    if (loaded.length === 0) return;
    // The weights come from the table (a change's snapshot brings them; samples carry numbers only).
    const tableRows = client.getQueryData<ServiceWithDestinations[]>(servicesQueryKey) ?? [];
    for (const query of loaded) {
      const entry = rows.get(String(query.queryKey[2]));
      if (!entry || query.state.data === undefined) continue;
      const row = tableRows.find((service) => serviceIdOf(service) === entry.id);
      client.setQueryData<ServiceSeries>(serviceSeriesKey(entry.id), (series) =>
        series ? appendServiceSeries(series, entry, sample.at, row) : series,
      );
    }
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
  }
}

export function createLiveFeed(queryClient: QueryClient): LiveFeed {
  return new LiveFeed(queryClient, liveUrl(window.location, '/api/v1/live'));
}
