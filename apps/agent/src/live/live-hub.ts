import type { BackendKind, LiveMessage, SnapshotMessage } from '@ipvs-dashboard/shared';
import type { MonitorEvent, TableMonitor, TableReading } from './table-monitor.js';
import type { LiveClient } from './ws-transport.js';

/**
 * A snapshot frame. It also carries `generation`, the table generation GET /services sends as its ETag, so
 * a client editing from the live view can send If-Match (the shared schema lets the extra field pass).
 */
export function snapshotMessage(
  reading: TableReading,
  intervalMs: number,
  backend: BackendKind,
): SnapshotMessage & { generation: number } {
  const message: SnapshotMessage = {
    type: 'snapshot',
    at: reading.at,
    intervalMs,
    backend,
    services: reading.table,
    totals: reading.totals,
  };
  return { ...message, generation: reading.generation };
}

/**
 * Fans monitor events out to live clients as LiveMessages: a snapshot on connect, samples every interval
 * (droppable: a slow client just misses some), and change events followed by a fresh snapshot (never
 * skipped; a client too far behind for those is disconnected by the transport and must reconnect).
 */
export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  /** Counts for tests and the log: samples skipped for slow clients, clients dropped. */
  readonly stats = { skipped: 0, dropped: 0 };

  constructor(
    private readonly monitor: TableMonitor,
    private readonly intervalMs: number,
    private readonly backend: BackendKind,
  ) {
    monitor.subscribe((event) => this.onEvent(event));
  }

  /** For the transport: registers a client and returns how to forget it. */
  connect = (client: LiveClient): (() => void) => {
    this.clients.add(client);
    const reading = this.monitor.current;
    if (reading) this.deliver(client, snapshotMessage(reading, this.intervalMs, this.backend), false);
    return () => this.clients.delete(client);
  };

  get clientCount(): number {
    return this.clients.size;
  }

  private onEvent(event: MonitorEvent): void {
    const message = this.toMessage(event);
    this.broadcast(message, message.type === 'sample');
  }

  private toMessage(event: MonitorEvent): LiveMessage {
    switch (event.type) {
      case 'snapshot':
        return snapshotMessage(event.reading, this.intervalMs, this.backend);
      case 'sample':
        return event.sample.message;
      case 'change':
        return { type: 'change', at: event.at, source: event.source, changes: event.changes };
    }
  }

  private broadcast(message: LiveMessage, droppable: boolean): void {
    const frame = Buffer.from(JSON.stringify(message));
    for (const client of this.clients) this.deliverFrame(client, frame, droppable);
  }

  private deliver(client: LiveClient, message: LiveMessage, droppable: boolean): void {
    this.deliverFrame(client, Buffer.from(JSON.stringify(message)), droppable);
  }

  private deliverFrame(client: LiveClient, frame: Buffer, droppable: boolean): void {
    const outcome = client.send(frame, droppable);
    if (outcome === 'skipped') this.stats.skipped += 1;
    if (outcome === 'dropped') {
      this.stats.dropped += 1;
      this.clients.delete(client);
    }
  }
}
