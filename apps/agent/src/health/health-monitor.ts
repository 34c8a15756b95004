// Runs the health checks: each checked real server has its own rhythm (spread over the interval,
// check-schedule.ts), started by one shared scheduler a few per event-loop turn (check-scheduler.ts), and
// a server's next check is queued only once its last one finished; results go through the rise/fall
// rule (check-state.ts), and a transition places or releases the server's health hold through the change
// pipeline (holds/hold-changes.ts), recorded as the health check's own change.
import {
  DISABLED_HEALTH,
  destinationId,
  destinationIdOf,
  holdOf,
  serviceId,
  serviceIdOf,
  type CheckResult,
  type DestinationKey,
  type HealthCheck,
  type HealthStatus,
  type ServiceKey,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { placeHold, releaseHold, type HealthSource, type HoldDeps } from '../holds/index.js';
import { CheckStore, HoldStore } from '../state/index.js';
import { firstCheckDelay, nextCheckDelay } from './check-schedule.js';
import {
  CheckScheduler,
  nodeTimers,
  type CheckSchedulerOptions,
  type SchedulerTimers,
} from './check-scheduler.js';
import { afterResult, initialCounter, type CheckCounter } from './check-state.js';
import type { Probe } from './probes/probe.js';

interface Target {
  key: string;
  service: ServiceKey;
  destination: DestinationKey;
  check: HealthCheck;
  counter: CheckCounter;
  lastResult: CheckResult | null;
  /** The scheduler's: bumped to cancel the queued run (check-scheduler.ts). */
  scheduleToken: number;
  running: boolean;
  /** False once the server or its check is gone: a check still running then is ignored. */
  live: boolean;
}

/** A state change of one real server's check, for whoever reports it (the alerts, in agent-server.ts). */
export interface HealthTransition {
  service: string;
  server: string;
  from: CheckCounter['state'];
  to: 'up' | 'down';
  /** The last result's detail: "connect refused", "HTTP 200". */
  reason: string;
}

export interface HealthMonitorDeps extends HoldDeps {
  checks: CheckStore;
  probe: Probe;
  log: (message: string, error?: unknown) => void;
  /** The clock and timers of the checks (a fake clock in tests). */
  timers?: SchedulerTimers;
  scheduler?: CheckSchedulerOptions;
  onTransition?: (transition: HealthTransition) => void;
}

const actor = { type: 'health-check' } as const;

export class HealthMonitor implements HealthSource {
  private readonly targets = new Map<string, Target>();
  private readonly listeners = new Set<(key: string) => void>();
  private readonly now: () => number;
  private readonly scheduler: CheckScheduler<Target>;
  private stopped = false;

  constructor(private readonly deps: HealthMonitorDeps) {
    const timers = deps.timers ?? nodeTimers;
    this.now = timers.now;
    this.scheduler = new CheckScheduler<Target>(
      (target, now, slot) => void this.run(target, now, slot),
      timers,
      deps.scheduler,
    );
  }

  subscribe(listener: (key: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  healthOf(key: string): HealthStatus {
    const target = this.targets.get(key);
    if (!target) return DISABLED_HEALTH;
    return { state: target.counter.state, since: target.counter.since, lastResult: target.lastResult };
  }

  /** Starts, retimes or stops checks so that exactly the real servers of `table` with a check have one. */
  sync(table: readonly ServiceWithDestinations[]): void {
    if (this.stopped) return;
    // One clock read for the whole table (10,000 servers added at once), only if a check starts or moves.
    let now: number | undefined;
    const clock = () => (now ??= this.now());
    const seen = new Set<string>();
    const present = new Set<string>();
    for (const service of table) {
      const sid = serviceIdOf(service);
      for (const dest of service.destinations) {
        const did = destinationIdOf(dest);
        const key = HoldStore.key(sid, did);
        present.add(key);
        const check = this.deps.checks.effectiveCheck(sid, did);
        if (!check) continue;
        seen.add(key);
        const existing = this.targets.get(key);
        if (!existing)
          this.begin(key, service.key, { address: dest.address, port: dest.port }, check, clock());
        // The store hands out the same object until the check is set again: compare contents only then
        // (two JSON.stringify per server on every table change, at 10,000 servers in a one-CPU guest).
        else if (existing.check !== check && JSON.stringify(existing.check) !== JSON.stringify(check))
          this.retime(existing, check, clock());
      }
    }
    // A server that left the table takes its holds with it (hold-memory.ts); one whose check went keeps its row.
    for (const [key, target] of this.targets) if (!seen.has(key)) this.end(target, present.has(key));
  }

  stop(): void {
    this.stopped = true;
    for (const target of this.targets.values()) this.end(target, false);
    this.scheduler.stop();
  }

  private begin(
    key: string,
    service: ServiceKey,
    destination: DestinationKey,
    check: HealthCheck,
    now: number,
  ): void {
    const heldByHealth = holdOf(this.deps.holds.holdsOf(key), 'health') !== undefined;
    const target: Target = {
      key,
      service,
      destination,
      check,
      counter: initialCounter(now, heldByHealth),
      lastResult: null,
      scheduleToken: 0,
      running: false,
      live: true,
    };
    this.targets.set(key, target);
    this.scheduler.at(target, now + firstCheckDelay(key, check.intervalSeconds * 1000));
    this.notify(key);
  }

  /** New settings: the next check comes at the new interval's slot; a running check finishes first. */
  private retime(target: Target, check: HealthCheck, now: number): void {
    target.check = check;
    if (target.running) return;
    this.scheduler.at(target, now + firstCheckDelay(target.key, check.intervalSeconds * 1000));
  }

  /** No check any more (or no server): it stops, and a hold its check placed goes, since nothing would lift it. */
  private end(target: Target, releaseHold: boolean): void {
    target.live = false;
    this.scheduler.cancel(target);
    this.targets.delete(target.key);
    this.notify(target.key);
    if (releaseHold && holdOf(this.deps.holds.holdsOf(target.key), 'health')) {
      void this.release(target, 'its check was removed');
    }
  }

  /** One check of one server; `startedAt` is the scheduler's turn's clock reading, `slot` when it was due. */
  private async run(target: Target, startedAt: number, slot: number): Promise<void> {
    target.running = true;
    const check = target.check;
    const port = check.port ?? target.destination.port;
    const outcome =
      port === 0 && check.kind !== 'command'
        ? null // a fwmark service's real server without a port: nothing to connect to, so no verdict
        : await this.deps
            .probe(
              {
                address: target.destination.address,
                port,
                service: target.service,
                destination: target.destination,
              },
              check,
            )
            .catch((error: unknown) => ({
              ok: false,
              detail: error instanceof Error ? error.message : String(error),
            }));
    // Its result's time and when the next is due, from a clock read shared by every check that finished
    // in this event-loop iteration (a clock read is a system call in the user-mode Linux guest).
    let at = await this.scheduler.nextReading();
    target.running = false;
    if (!target.live || this.stopped) return;
    const result: CheckResult = outcome
      ? { ok: outcome.ok, ms: at - startedAt, detail: outcome.detail, at }
      : { ok: false, ms: 0, detail: "no port to check: set the check's port", at };
    const moved = target.lastResult?.ok !== result.ok || target.lastResult.detail !== result.detail;
    target.lastResult = result;
    if (outcome) {
      const from = target.counter.state;
      const { counter, transition } = afterResult(target.counter, result.ok, check, at);
      target.counter = counter;
      if (transition) {
        this.notify(target.key);
        // The kernel step first, then the alert (a log line, a webhook queued): a failing server leaves
        // rotation as soon as the pipeline can take it out.
        if (transition === 'down') await this.takeOut(target, result.detail);
        else await this.release(target, result.detail);
        this.reportTransition(target, from, transition, result.detail);
        at = this.now();
      }
    }
    if (moved) this.notify(target.key);
    if (target.live && !this.stopped)
      this.scheduler.at(target, at + nextCheckDelay(slot, at, check.intervalSeconds * 1000));
  }

  private reportTransition(
    target: Target,
    from: Target['counter']['state'],
    to: 'up' | 'down',
    reason: string,
  ) {
    const service = serviceId(target.service);
    const server = destinationId(target.destination);
    try {
      this.deps.onTransition?.({ service, server, from, to, reason });
    } catch (error) {
      this.deps.log(`health: reporting ${target.key} ${to} failed`, error);
    }
  }

  private async takeOut(target: Target, reason: string): Promise<void> {
    try {
      await placeHold(
        this.deps,
        { key: target.service, dest: target.destination, actor, action: 'health-down' },
        { kind: 'health', since: this.now(), reason },
      );
      this.deps.log(`health: ${target.key.replace(' ', ' real server ')} down (${reason})`);
    } catch (error) {
      this.deps.log(`health: could not take ${target.key} out`, error);
    }
  }

  private async release(target: Target, reason: string): Promise<void> {
    if (!holdOf(this.deps.holds.holdsOf(target.key), 'health')) return;
    try {
      await releaseHold(this.deps, {
        key: target.service,
        dest: target.destination,
        kind: 'health',
        actor,
        action: 'health-up',
      });
      this.deps.log(`health: ${target.key.replace(' ', ' real server ')} up (${reason})`);
    } catch (error) {
      this.deps.log(`health: could not put ${target.key} back`, error);
    }
  }

  private notify(key: string): void {
    for (const listener of this.listeners) listener(key);
  }
}
