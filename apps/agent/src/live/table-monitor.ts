import type { ServiceWithDestinations, Totals, Change } from '@ipvs-dashboard/shared';
import { HistoryStore } from './history/history-store.js';
import { historyTiers } from './history/history-tiers.js';
import { SerialQueue } from '../common/serial-queue.js';
import { TableSampler, type TableSample } from './table-sampler.js';
import { diffTables } from './table-diff.js';
import type { IpvsBackend } from '../ipvs/backend/backend.js';

export type ChangeSource = 'api' | 'external';

/**
 * Which rows a change made through the API touched, so that whichever read sees them first (the change's
 * own re-read, a periodic one, an If-Match pre-read) reports them as that change and not as external.
 */
export interface Attribution {
  changeId: string;
  /** serviceId() of the touched services; 'all' for table-wide changes (clear, zero all, restore). */
  services: ReadonlySet<string> | 'all';
}

/** Hands a change's attribution to the monitor once it ran; returns the generation (ETag) it produced. */
export type Commit = (attribution: Attribution) => number;

interface PendingAttribution extends Attribution {
  /** False for a change that failed: its leftovers, if a read finds any, still need a new generation. */
  bumped: boolean;
}

/**
 * The kernel's estimator folds the per-CPU counters into the totals it reports only every 2 s
 * (ip_vs_est.c), so 1 s deltas alternate between 0 and twice the rate. Rates are taken over the last
 * readings that span at least this long: each such window holds one counter refresh.
 */
export const COUNTER_REFRESH_MS = 2000;

/** The longest a change's re-read waits for the change's answer to go out. */
const ANSWER_WAIT_MS = 1000;

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
  | {
      type: 'change';
      changes: Change[];
      source: ChangeSource;
      /** The change log entry, for API changes. */
      changeId?: string;
      generation: number;
      at: number;
      /** The readings the changes were found between. */
      previous: readonly ServiceWithDestinations[];
      table: readonly ServiceWithDestinations[];
    };

export interface MonitorOptions {
  intervalMs: number;
  historyWindowMs: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * The one poller: reads the backend every interval, computes rates from counter deltas, keeps history,
 * and turns differences between readings into change events. A mutation runs inside `apply` and commits
 * the rows it touched; any read that finds them reports them as that change (`api`, with its id);
 * whatever else a read finds is `external`.
 *
 * Generations (ETags) start from the clock, so they never repeat across agent restarts, and go up by one
 * for every committed change and every reading that found an external change: each generation is one
 * table state, and no two writers are ever handed the same one.
 */
export class TableMonitor {
  readonly history: HistoryStore;
  private readonly queue = new SerialQueue();
  private readonly listeners = new Set<(event: MonitorEvent) => void>();
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private latest: TableReading | null = null;
  private readonly sampler: TableSampler;
  private generation: number;
  private pending: PendingAttribution[] = [];
  /** False while the backend fails to answer (exported as ipvs_dashboard_up). */
  healthy = false;

  constructor(
    private readonly backend: IpvsBackend,
    private readonly options: MonitorOptions,
  ) {
    const capacity = HistoryStore.capacityFor(options.historyWindowMs, options.intervalMs);
    this.history = new HistoryStore(capacity, historyTiers(capacity, options.intervalMs));
    this.now = options.now ?? Date.now;
    this.generation = Date.now();
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

  /** The generation (ETag) of the table as the agent last read or changed it. */
  get currentGeneration(): number {
    return this.generation;
  }

  async start(): Promise<void> {
    await this.tick();
    this.scheduleTick();
  }

  /** The next tick is timed from the end of this one: a slow read never queues reads behind it. */
  private scheduleTick(): void {
    this.timer = setTimeout(() => {
      this.tick()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          if (this.timer !== null) this.scheduleTick();
        });
    }, this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Re-reads the table now. Returns the fresh reading. */
  refresh(): Promise<TableReading> {
    return this.queue.run(() => this.read());
  }

  /**
   * Runs a mutation with the poller held off. With `expectedGeneration`, re-reads first and refuses with
   * `onStale()` when the table is not at that generation. The change calls `commit` with the rows it
   * touched once the kernel acknowledged it (also after a failure it rolled back, so leftovers are not
   * taken for someone else's); the generation it returns is the one this change produced. The table is
   * re-read next, but the caller does not wait for it: at 1,000 x 10 a full re-read costs more than most
   * changes themselves. With `answered`, the re-read waits until the change's answer is on its way (at most
   * a second): on a one-CPU director the kernel's dump would otherwise compete with sending the answer.
   */
  apply<T>(
    change: (commit: Commit, fail: (attribution: Attribution) => void) => Promise<T>,
    expectedGeneration: number | null,
    onStale: () => Error,
    answered?: Promise<unknown>,
  ): Promise<{ result: T; generation: number }> {
    return this.queue.run(async () => {
      if (expectedGeneration !== null) {
        await this.read();
        if (this.generation !== expectedGeneration) throw onStale();
      }
      const commit: Commit = (attribution) => {
        this.generation += 1;
        this.pending.push({ ...attribution, bumped: true });
        return this.generation;
      };
      const fail = (attribution: Attribution) => {
        this.pending.push({ ...attribution, bumped: false });
      };
      try {
        const result = await change(commit, fail);
        return { result, generation: this.generation };
      } finally {
        if (this.pending.length > 0) this.readSoon(answered);
      }
    });
  }

  /** Queues a re-read after a change (once `after` settles, or a second passed); errors go where the poller's go. */
  private readSoon(after?: Promise<unknown>): void {
    const read = () =>
      this.queue.run(() => this.read()).catch((error: unknown) => this.options.onError?.(error));
    if (after === undefined) {
      void read();
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ANSWER_WAIT_MS);
      timer.unref();
    });
    void Promise.race([after.catch(() => undefined), deadline]).then(() => {
      clearTimeout(timer);
      return read();
    });
  }

  /** One periodic step: read, then sample counters into rates and history. */
  tick(): Promise<void> {
    return this.queue.run(async () => {
      const reading = await this.read();
      this.emit({ type: 'sample', sample: this.sampler.sample(reading) });
    });
  }

  /** Splits what a read found among the changes that claimed those rows; the rest is external. */
  private attribute(
    changes: Change[],
    pending: PendingAttribution[],
  ): Map<PendingAttribution | null, Change[]> {
    const groups = new Map<PendingAttribution | null, Change[]>();
    for (const change of changes) {
      const owner =
        pending.find((p) =>
          p.services === 'all' ? true : change.service !== undefined && p.services.has(change.service),
        ) ?? null;
      const group = groups.get(owner);
      if (group) group.push(change);
      else groups.set(owner, [change]);
    }
    return groups;
  }

  private async read(): Promise<TableReading> {
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
    const previous = this.latest?.table ?? table;
    const changes = this.latest ? diffTables(this.latest.table, table) : [];
    const pending = this.pending;
    this.pending = [];
    const groups = this.attribute(changes, pending);
    // A new generation for what no committed change accounts for: external changes, a failed change's leftovers.
    for (const owner of groups.keys()) {
      if (owner === null || !owner.bumped) {
        this.generation += 1;
        break;
      }
    }
    const publish = changes.length > 0 || pending.length > 0;
    const reading: TableReading = { table, totals, generation: this.generation, at };
    this.latest = reading;
    for (const [owner, found] of groups) {
      this.emit({
        type: 'change',
        changes: found,
        source: owner === null ? 'external' : 'api',
        ...(owner === null ? {} : { changeId: owner.changeId }),
        generation: this.generation,
        at,
        previous,
        table,
      });
    }
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
