// The running drains: started and cancelled by the drain routes, followed on every reading of the table
// (active + inactive connections and persistence templates per real server, the kernel's own counts), ended
// by the shared finish rule, remembered in the state dir across restarts.
import {
  AppError,
  destinationIdOf,
  drainVerdict,
  leftOf,
  PACE_WINDOW_MS,
  parseDestinationId,
  parseServiceId,
  serviceId,
  type ChangeActor,
  type Destination,
  type DestinationKey,
  type DrainCounts,
  type DrainFinished,
  type DrainOutcome,
  type DrainPoint,
  type DrainProgress,
  type DrainRequest,
  type ServiceKey,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { placeHold, type HoldDeps } from '../holds/index.js';
import { HoldStore, type DrainRecord, type DrainStore } from '../state/index.js';
import { keepDrained, releaseDrainHold, removeDrained, thenText, type DrainTarget } from './drain-ends.js';
import { countsOf, findRow, progressOf } from './drain-readings.js';

export interface DrainDeps extends HoldDeps {
  drains: DrainStore;
  log: (message: string, error?: unknown) => void;
  now?: () => number;
}

interface RunningDrain extends DrainTarget {
  record: DrainRecord;
  now: DrainCounts;
  updatedAt: number;
  points: DrainPoint[];
  /** Its hold is being placed: readings meanwhile may predate it and change nothing. */
  placing: boolean;
  /** Its end is being applied: readings meanwhile change nothing. */
  ending: boolean;
  /** A failed end is tried again after a pause, not on every reading. */
  retryAt: number;
}

/** A failed removal (the kernel refused, the table was locked) is tried again this much later. */
const RETRY_MS = 10_000;

export class DrainTracker {
  private readonly running = new Map<string, RunningDrain>();
  private readonly changedListeners = new Set<(key: string) => void>();
  private readonly finishedListeners = new Set<(event: DrainFinished) => void>();
  private readonly now: () => number;

  constructor(private readonly deps: DrainDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Called with the key of a real server whose drain progress changed (the live samples carry it). */
  subscribe(listener: (key: string) => void): () => void {
    this.changedListeners.add(listener);
    return () => this.changedListeners.delete(listener);
  }

  /** Called once for every drain that ends, whatever ended it: for alerts and webhooks. */
  onDrainFinished(listener: (event: DrainFinished) => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  progressOf(key: string): DrainProgress | null {
    const drain = this.running.get(key);
    return drain ? this.progress(drain) : null;
  }

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  /**
   * Starts a drain of `current` (as read just now): remembered first, so a restart right after still
   * follows it, then its hold placed, which takes it to weight 0 through the change pipeline.
   */
  async start(
    service: ServiceKey,
    current: Destination,
    request: DrainRequest,
    actor: ChangeActor,
    ifMatch: number | null,
  ): Promise<DrainProgress> {
    const key = HoldStore.key(serviceId(service), destinationIdOf(current));
    if (this.running.has(key)) throw new AppError('DRAIN_RUNNING');
    const by = actor.type === 'api' ? actor.name : actor.type;
    const startedAt = this.now();
    const record: DrainRecord = {
      then: request.then,
      deadlineSeconds: request.deadlineSeconds,
      startedAt,
      deadlineAt: startedAt + request.deadlineSeconds * 1000,
      by,
      atStart: countsOf(current),
    };
    const drain = this.track(key, service, current, record, startedAt);
    drain.placing = true;
    await this.deps.drains.set(key, record);
    try {
      await placeHold(
        this.deps,
        { key: service, dest: drain.dest, actor, action: 'drain', ifMatch },
        {
          kind: 'drain',
          since: startedAt,
          reason: `then ${thenText(request.then)}, deadline ${request.deadlineSeconds} s`,
        },
      );
    } catch (error) {
      this.running.delete(key);
      await this.deps.drains.delete(key);
      throw error;
    }
    // Readings run in turn with changes: one taken before the hold was placed still shows the old weight
    // (it would read as "put back by someone else"); only those after it count.
    drain.updatedAt = Math.max(drain.updatedAt, this.now());
    drain.placing = false;
    this.deps.log(
      `drain: ${drain.key} started by ${by}, then ${request.then}, deadline ${request.deadlineSeconds} s`,
    );
    return this.progress(drain);
  }

  /** DELETE .../drain: the drain hold released (the weight back unless another hold remains), then it ends. */
  async cancel(key: string, actor: ChangeActor): Promise<void> {
    const drain = this.running.get(key);
    if (!drain) throw new AppError('DRAIN_NOT_RUNNING');
    if (drain.ending)
      throw new AppError(
        'CONFLICT',
        'This drain is ending right now (its count or deadline was reached); read it again.',
      );
    drain.ending = true;
    try {
      await releaseDrainHold(this.deps, drain, actor);
    } catch (error) {
      drain.ending = false;
      throw error;
    }
    await this.end(drain, 'cancelled');
  }

  /**
   * At start: the drains the state dir remembers, against the table found. One whose server is gone is
   * finished (`gone`), one with a weight again was ended by someone else (`cancelled`); the rest go on.
   */
  async resume(table: readonly ServiceWithDestinations[]): Promise<string[]> {
    const lines: string[] = [];
    for (const [key, record] of this.deps.drains.entries()) {
      const { service, destination } = HoldStore.parseKey(key);
      const serviceKey = parseServiceId(service);
      const dest = parseDestinationId(destination);
      const current = findRow(table, service, dest);
      const drain = this.track(key, serviceKey, current ?? null, record, this.now());
      if (!current) {
        lines.push(`drain of ${destination} in ${service}: the real server is gone from the table, finished`);
        await this.end(drain, 'gone');
      } else if (current.weight !== 0) {
        lines.push(
          `drain of ${destination} in ${service}: it has weight ${current.weight} in the table, ended`,
        );
        await this.end(drain, 'cancelled');
      } else lines.push(`drain of ${destination} in ${service}: still running (${leftOf(drain.now)} left)`);
    }
    return lines;
  }

  /** Every reading: new counts and pace for each drain, and the end of those the finish rule says are done. */
  follow(table: readonly ServiceWithDestinations[], at: number): void {
    for (const drain of this.running.values()) {
      // A reading taken before the drain started (or already seen) says nothing about it.
      if (drain.placing || drain.ending || at < drain.retryAt || at <= drain.updatedAt) continue;
      const current = findRow(table, serviceId(drain.service), drain.dest);
      if (!current) {
        void this.finish(drain, 'gone');
        continue;
      }
      if (current.weight !== 0) {
        // Put back by another path (PATCH, undo, ipvsadm): the table wins, as it does over every hold.
        void this.finish(drain, 'cancelled');
        continue;
      }
      drain.now = countsOf(current);
      drain.updatedAt = at;
      const left = leftOf(drain.now);
      drain.points.push({ at, left });
      while (drain.points.length > 2 && drain.points[1]!.at < at - PACE_WINDOW_MS) drain.points.shift();
      this.notify(drain.key);
      const verdict = drainVerdict(left, at, drain.record.deadlineAt);
      if (verdict === 'drained') void this.finish(drain, drain.record.then === 'remove' ? 'removed' : 'kept');
      if (verdict === 'deadline') void this.finish(drain, 'deadline');
    }
  }

  private track(
    key: string,
    service: ServiceKey,
    current: Destination | null,
    record: DrainRecord,
    at: number,
  ): RunningDrain {
    const now = current ? countsOf(current) : record.atStart;
    const dest: DestinationKey = current ?? parseDestinationId(HoldStore.parseKey(key).destination);
    const drain: RunningDrain = {
      key,
      service,
      dest: { address: dest.address, port: dest.port },
      record,
      now,
      updatedAt: at,
      points: [{ at, left: leftOf(now) }],
      placing: false,
      ending: false,
      retryAt: 0,
    };
    this.running.set(key, drain);
    this.notify(key);
    return drain;
  }

  /** Applies `then` (for removed, kept, deadline), and ends the drain; a failure is logged and tried again. */
  private async finish(drain: RunningDrain, outcome: DrainOutcome): Promise<void> {
    drain.ending = true;
    const { then, by } = drain.record;
    const left = leftOf(drain.now);
    try {
      if (outcome === 'removed' || (outcome === 'deadline' && then === 'remove')) {
        const why =
          outcome === 'removed'
            ? 'no connection or template left'
            : `deadline of ${drain.record.deadlineSeconds} s passed with ${left} connection(s) and template(s) left`;
        await removeDrained(this.deps, drain, { type: 'api', name: by }, `${why} (started by ${by})`);
      } else if (outcome === 'kept' || outcome === 'deadline') {
        await keepDrained(this.deps, drain, by, this.now());
      }
    } catch (error) {
      this.deps.log(`drain: could not end the drain of ${drain.key} (${outcome}); trying again`, error);
      drain.ending = false;
      drain.retryAt = this.now() + RETRY_MS;
      return;
    }
    await this.end(drain, outcome);
  }

  private async end(drain: RunningDrain, outcome: DrainOutcome): Promise<void> {
    this.running.delete(drain.key);
    this.notify(drain.key);
    try {
      await this.deps.drains.delete(drain.key);
    } catch (error) {
      this.deps.log(`drain: could not forget the drain of ${drain.key}`, error);
    }
    const { service, destination } = HoldStore.parseKey(drain.key);
    const event: DrainFinished = {
      service,
      server: destination,
      outcome,
      then: drain.record.then,
      connectionsLeft: leftOf(drain.now),
      seconds: Math.max(0, (this.now() - drain.record.startedAt) / 1000),
    };
    this.deps.log(
      `drain: ${destination} in ${service} ended: ${outcome}, ${event.connectionsLeft} left after ${event.seconds.toFixed(1)} s`,
    );
    for (const listener of this.finishedListeners) {
      try {
        listener(event);
      } catch (error) {
        this.deps.log('drain: a listener of finished drains failed', error);
      }
    }
  }

  private progress(drain: RunningDrain): DrainProgress {
    return progressOf(drain.record, drain.now, drain.points, drain.updatedAt);
  }

  private notify(key: string): void {
    for (const listener of this.changedListeners) listener(key);
  }
}
