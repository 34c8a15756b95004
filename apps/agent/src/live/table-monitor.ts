import type { ServiceWithDestinations, Totals, Change } from '@ipvs-dashboard/shared';
import { HistoryStore } from './history-store.js';
import { SerialQueue } from './serial-queue.js';
import { TableSampler, type TableSample } from './table-sampler.js';
import { diffTables } from './table-diff.js';
import type { IpvsBackend } from '../ipvs/backend.js';

export type ChangeSource = 'api' | 'external';

/**
 * The kernel's estimator folds the per-CPU counters into the totals it reports only every 2 s
 * (ip_vs_est.c), so 1 s deltas alternate between 0 and twice the rate. Rates are taken over the last
 * readings that span at least this long: each such window holds one counter refresh.
 */
export const COUNTER_REFRESH_MS = 2000;

/** One reading of the table, numbered by `generation` (bumped whenever its configuration changes). */
export interface TableReading {
  table: ServiceWithDestinations[];
  totals: Totals;
  generation: number;
  at: number;
}

export type MonitorEvent =
  | { type: 'snapshot'; reading: TableReading }
  | { type: 'sample'; sample: TableSample }
  | { type: 'change'; changes: Change[]; source: ChangeSource; generation: number; at: number };

export interface MonitorOptions {
  intervalMs: number;
  historyWindowMs: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * The one poller: reads the backend every interval, computes rates from counter deltas, keeps history,
 * and turns differences between readings into change events. API handlers call `refresh('api')` after
 * a mutation so their changes are tagged `api`; whatever any other read finds is `external`.
 */
export class TableMonitor {
  readonly history: HistoryStore;
  private readonly queue = new SerialQueue();
  private readonly listeners = new Set<(event: MonitorEvent) => void>();
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private latest: TableReading | null = null;
  private readonly sampler: TableSampler;
  private generation = 1;
  /** False while the backend fails to answer (exported as ipvs_dashboard_up). */
  healthy = false;

  constructor(
    private readonly backend: IpvsBackend,
    private readonly options: MonitorOptions,
  ) {
    this.history = new HistoryStore(HistoryStore.capacityFor(options.historyWindowMs, options.intervalMs));
    this.now = options.now ?? Date.now;
    const readingsPerWindow = Math.max(1, Math.ceil(COUNTER_REFRESH_MS / options.intervalMs));
    this.sampler = new TableSampler(this.history, readingsPerWindow);
  }

  get current(): TableReading | null {
    return this.latest;
  }

  subscribe(listener: (event: MonitorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.options.onError?.(error));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Re-reads the table now; changes found are reported with `source`. Returns the fresh reading. */
  refresh(source: ChangeSource): Promise<TableReading> {
    return this.queue.run(() => this.read(source));
  }

  /**
   * Runs an API mutation with the poller held off, so nothing it changes can be seen first by a periodic
   * read and mistaken for an external change. With `expectedGeneration`, re-reads first and refuses with
   * `onStale()` when the table moved on. Afterwards (even on failure) the table is re-read, tagging changes
   * `api`, as the very next step of the queue, but the caller does not wait for it: the kernel has already
   * acknowledged the change, and at 1,000 x 10 a full re-read costs more than most changes themselves. The
   * generation returned is the one that re-read publishes (with a snapshot event even for a no-op change,
   * so every client learns it).
   */
  apply<T>(
    change: () => Promise<T>,
    expectedGeneration: number | null,
    onStale: () => Error,
  ): Promise<{ result: T; generation: number }> {
    return this.queue.run(async () => {
      if (expectedGeneration !== null && (await this.read('external')).generation !== expectedGeneration) {
        throw onStale();
      }
      let result: T;
      try {
        result = await change();
      } catch (error) {
        this.readSoon();
        throw error;
      }
      const generation = this.generation + 1;
      this.readSoon(generation);
      return { result, generation };
    });
  }

  /** Queues a re-read of API changes; its errors go where the poller's go. */
  private readSoon(generation?: number): void {
    this.queue
      .run(() => this.read('api', generation))
      .catch((error: unknown) => this.options.onError?.(error));
  }

  /** One periodic step: read (changes are external), then sample counters into rates and history. */
  tick(): Promise<void> {
    return this.queue.run(async () => {
      const reading = await this.read('external');
      this.emit({ type: 'sample', sample: this.sampler.sample(reading) });
    });
  }

  /** `publishAs`: the generation an API change was promised; published even when nothing differs. */
  private async read(source: ChangeSource, publishAs?: number): Promise<TableReading> {
    let table: ServiceWithDestinations[];
    let totals: Totals;
    try {
      [table, totals] = await Promise.all([this.backend.snapshot(), this.backend.totals()]);
      this.healthy = true;
    } catch (error) {
      this.healthy = false;
      throw error;
    }
    const at = this.now();
    const changes = this.latest ? diffTables(this.latest.table, table) : [];
    const publish = changes.length > 0 || publishAs !== undefined;
    if (publish) this.generation = Math.max(publishAs ?? 0, this.generation + 1);
    const reading: TableReading = { table, totals, generation: this.generation, at };
    this.latest = reading;
    if (changes.length > 0) this.emit({ type: 'change', changes, source, generation: this.generation, at });
    if (publish) this.emit({ type: 'snapshot', reading });
    return reading;
  }

  private emit(event: MonitorEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }
}
