import type { BackendKind, LiveMessage, SampleMessage, SnapshotMessage } from '@ipvs-dashboard/shared';
import type { MonitorEvent, TableMonitor, TableReading } from './table-monitor.js';
import type { TableSample } from './table-sampler.js';
import type { LiveClient } from './ws-transport.js';
import { addStatusToSample, type RowStatusSource } from './row-status.js';

/**
 * A snapshot frame. It also carries `generation`, the table generation GET /services sends as its ETag, so
 * a client editing from the live view can send If-Match (the shared schema lets the extra field pass).
 */
export function snapshotMessage(
  reading: TableReading,
  intervalMs: number,
  backend: BackendKind,
  status?: RowStatusSource,
): SnapshotMessage & { generation: number } {
  const message: SnapshotMessage = {
    type: 'snapshot',
    at: reading.at,
    intervalMs,
    backend,
    services: status ? status.decorateTable(reading.table) : reading.table,
    totals: reading.totals,
  };
  return { ...message, generation: reading.generation };
}

/**
 * Fans monitor events out to live clients as LiveMessages: a snapshot on connect, samples every interval
 * (droppable: a slow client just misses some), and change events followed by a fresh snapshot (never
 * skipped; a client too far behind for those is disconnected by the transport and must reconnect).
 * Samples carry only the rows that moved; a client that just connected, or missed a sample, gets the full
 * sample next instead, so it never lacks a row. Each frame is serialised and encoded once for all clients.
 */
export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  /** Clients whose next sample must be a full one: new, or a sample was skipped for them. */
  private readonly needFull = new Set<LiveClient>();
  /**
   * The last snapshot frame: clients connecting together (a reload of 50 pages) share one 4 MB encoding.
   * Let go at the next sample, when the reading it encodes is no longer the current one: kept, it held the
   * frame and that reading's table for as long as nobody connected.
   */
  private lastSnapshot: { reading: TableReading; frame: Buffer } | null = null;
  /** Counts for tests and the log: samples skipped for slow clients, clients dropped. */
  readonly stats = { skipped: 0, dropped: 0 };

  constructor(
    private readonly monitor: TableMonitor,
    private readonly intervalMs: number,
    private readonly backend: BackendKind,
    /** Holds and health of each real server (row-status.ts); without it frames carry the kernel's rows only. */
    private readonly status?: RowStatusSource,
  ) {
    monitor.subscribe((event) => this.onEvent(event));
  }

  /** For the transport: registers a client and returns how to forget it. */
  connect = (client: LiveClient): (() => void) => {
    this.clients.add(client);
    this.needFull.add(client);
    const reading = this.monitor.current;
    if (reading) this.deliverFrame(client, this.snapshotFrame(reading), false);
    return () => {
      this.clients.delete(client);
      this.needFull.delete(client);
    };
  };

  get clientCount(): number {
    return this.clients.size;
  }

  private onEvent(event: MonitorEvent): void {
    if (event.type === 'sample') this.lastSnapshot = null;
    // Taken every sample, clients or not: a client that connects later gets a snapshot with every status.
    const changed = event.type === 'sample' && this.status ? this.status.takeChanged() : [];
    if (this.clients.size === 0) return; // nobody to serialise for
    switch (event.type) {
      case 'snapshot':
        this.broadcast(this.snapshotFrame(event.reading), false);
        return;
      case 'sample':
        this.broadcastSample(
          this.status ? this.withStatus(event.sample, changed, this.status) : event.sample,
        );
        return;
      case 'change': {
        const message: LiveMessage = {
          type: 'change',
          at: event.at,
          source: event.source,
          ...(event.changeId === undefined ? {} : { changeId: event.changeId }),
          changes: event.changes,
        };
        this.broadcast(encode(message), false);
        return;
      }
    }
  }

  private withStatus(sample: TableSample, changed: string[], status: RowStatusSource): TableSample {
    const table = this.monitor.current?.table ?? [];
    let full: SampleMessage | null = null;
    return {
      message: addStatusToSample(sample.message, changed, status, table),
      full: () => (full ??= addStatusToSample(sample.full(), [], status, table)),
    };
  }

  private snapshotFrame(reading: TableReading): Buffer {
    if (this.lastSnapshot?.reading !== reading) {
      const frame = encode(snapshotMessage(reading, this.intervalMs, this.backend, this.status));
      this.lastSnapshot = { reading, frame };
    }
    return this.lastSnapshot.frame;
  }

  private broadcast(frame: Buffer, droppable: boolean): void {
    for (const client of this.clients) this.deliverFrame(client, frame, droppable);
  }

  private broadcastSample(sample: TableSample): void {
    let changes: Buffer | null = null;
    let full: Buffer | null = null;
    for (const client of this.clients) {
      if (this.needFull.has(client)) {
        full ??= encode(sample.full());
        if (this.deliverFrame(client, full, true) === 'sent') this.needFull.delete(client);
      } else {
        changes ??= encode(sample.message);
        if (this.deliverFrame(client, changes, true) === 'skipped') this.needFull.add(client);
      }
    }
  }

  private deliverFrame(
    client: LiveClient,
    frame: Buffer,
    droppable: boolean,
  ): 'sent' | 'skipped' | 'dropped' {
    const outcome = client.send(frame, droppable);
    if (outcome === 'skipped') this.stats.skipped += 1;
    if (outcome === 'dropped') {
      this.stats.dropped += 1;
      this.clients.delete(client);
      this.needFull.delete(client);
    }
    return outcome;
  }
}

/** One JSON text frame, UTF-8 encoded once whatever the number of clients. */
function encode(message: LiveMessage): Buffer {
  return Buffer.from(JSON.stringify(message));
}
