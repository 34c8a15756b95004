// Slow start (docs/api.md "Slow start and sorry server"): a real server that returns ramps from a small
// weight to its target in steps (shared planRamp), each step a change through the pipeline under the
// ramp's one id, the ramp written to the change log once, when it ends. The ramp is persisted per step so
// a restarted agent finishes it (resume-ramps.ts) instead of leaving a reduced weight behind.
import {
  destinationId,
  formatCommand,
  parseDestinationId,
  parseServiceId,
  planRamp,
  sameDestinationKey,
  serviceId,
  type ChangeAction,
  type ChangeActor,
  type ChangeRecord,
  type DestinationKey,
  type IpvsadmCommand,
  type RampStatus,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import {
  newChangeId,
  readRows,
  savableDestination,
  type ChangeLog,
  type ChangePipeline,
} from '../changes/index.js';
import type { ReturnHook } from '../holds/index.js';
import type { IpvsBackend } from '../ipvs/backend/backend.js';
import type { MonitorEvent } from '../live/index.js';
import { HoldStore, type PersistedRamp, type PolicyStore, type RampStore } from '../state/index.js';
import { rampRecord } from './ramp-record.js';

export interface SlowStartDeps {
  backend: IpvsBackend;
  pipeline: ChangePipeline;
  log: ChangeLog;
  ramps: RampStore;
  policies: PolicyStore;
  report: (message: string, error?: unknown) => void;
  now?: () => number;
}

interface ActiveRamp extends PersistedRamp {
  timer: NodeJS.Timeout | null;
  ended: boolean;
}

/** What starts a ramp: the change that gave the server its first step's weight, and the weight it aims at. */
export interface RampStart {
  key: ServiceKey;
  dest: DestinationKey;
  /** The change id the steps go under (the returning change's, for a release). */
  id: string;
  from: number;
  target: number;
  actor: ChangeActor;
  action: ChangeAction;
  lead: string;
  /** The command of the first step when the starting change was it (a release); none after an add. */
  firstCommand: string | null;
}

const lineOf = (command: IpvsadmCommand) => `ipvsadm ${formatCommand(command, { thresholds: true })}`;

export class SlowStart implements ReturnHook {
  private readonly active = new Map<string, ActiveRamp>();
  private readonly listeners = new Set<(key: string) => void>();
  private readonly now: () => number;
  private stopped = false;

  constructor(private readonly deps: SlowStartDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Called with the key of a real server whose ramp started, moved a step or ended. */
  subscribe(listener: (key: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  statusOf(key: string): RampStatus | undefined {
    const ramp = this.active.get(key);
    if (!ramp) return undefined;
    const steps = planRamp(ramp.target, ramp.seconds);
    return {
      target: ramp.target,
      weight: ramp.weight,
      startedAt: ramp.startedAt,
      endsAt: ramp.startedAt + steps[steps.length - 1]!.atMs,
    };
  }

  /** ReturnHook: the id a return goes under when its service ramps, and the weight of its first step. */
  prepareReturn(key: ServiceKey): { id: string; firstWeight(target: number): number } | undefined {
    const seconds = this.deps.policies.slowStartSeconds(serviceId(key));
    if (seconds <= 0) return undefined;
    return { id: newChangeId(this.now()), firstWeight: (target) => planRamp(target, seconds)[0]!.weight };
  }

  /** ReturnHook: a release's change applied its first step: the ramp goes on from there. */
  async returned(record: ChangeRecord, key: ServiceKey, dest: DestinationKey, target: number): Promise<void> {
    await this.start({
      key,
      dest,
      id: record.id,
      from: 0,
      target,
      actor: record.actor,
      action: record.action,
      lead: record.summary,
      firstCommand: record.commands[0] ?? null,
    });
  }

  /** ReturnHook: a hold is placed: the ramp stops, and the hold remembers its target, never a step. */
  async interrupt(memoryKey: string): Promise<number | undefined> {
    const ramp = this.active.get(memoryKey);
    if (!ramp) return undefined;
    await this.end(memoryKey, ramp, 'a hold took the real server out');
    return ramp.target;
  }

  /** Starts (or, at start, resumes) a ramp whose first step is applied. */
  async start(start: RampStart): Promise<void> {
    const sid = serviceId(start.key);
    const memoryKey = HoldStore.key(sid, destinationId(start.dest));
    const seconds = this.deps.policies.slowStartSeconds(sid);
    const steps = planRamp(start.target, seconds);
    await this.adopt(memoryKey, {
      id: start.id,
      service: sid,
      destination: destinationId(start.dest),
      from: start.from,
      target: start.target,
      seconds,
      startedAt: this.now(),
      index: 0,
      weight: steps[0]!.weight,
      commands: start.firstCommand === null ? [] : [start.firstCommand],
      actor: start.actor,
      action: start.action,
      lead: start.lead,
    });
  }

  /** Takes over a ramp (new, or persisted by an earlier agent) at the step it is at, and schedules the rest. */
  async adopt(memoryKey: string, persisted: PersistedRamp): Promise<void> {
    const previous = this.active.get(memoryKey);
    if (previous) await this.end(memoryKey, previous, 'a new ramp started');
    const ramp: ActiveRamp = { ...persisted, timer: null, ended: false };
    this.active.set(memoryKey, ramp);
    await this.deps.ramps.put(memoryKey, ramp);
    this.changed(memoryKey);
    this.schedule(memoryKey, ramp);
  }

  /** Applies step `index` now (resume at start); false when the server is gone or was moved. */
  async stepNow(memoryKey: string, index: number): Promise<boolean> {
    const ramp = this.active.get(memoryKey);
    if (!ramp) return false;
    if (ramp.timer) clearTimeout(ramp.timer);
    await this.step(memoryKey, ramp, index);
    return this.active.get(memoryKey) === ramp;
  }

  /** Ends a ramp without another step (resume-ramps.ts: the table moved past it while the agent was away). */
  async drop(memoryKey: string, why: string): Promise<void> {
    const ramp = this.active.get(memoryKey);
    if (ramp) await this.end(memoryKey, ramp, why);
  }

  /** The table moved: an edit of a ramping server's weight by anyone else (or its removal) ends its ramp. */
  follow(event: MonitorEvent): void {
    if (event.type !== 'change' || this.active.size === 0) return;
    for (const change of event.changes) {
      if (change.kind === 'cleared') {
        for (const [key, ramp] of [...this.active]) void this.endQuietly(key, ramp, 'the table was cleared');
        continue;
      }
      if (!change.service) continue;
      for (const [key, ramp] of [...this.active]) {
        if (ramp.service !== change.service || event.changeId === ramp.id) continue;
        if (change.kind === 'service-removed') void this.endQuietly(key, ramp, 'its service was removed');
        if (change.destination !== ramp.destination) continue;
        if (change.kind === 'destination-removed')
          void this.endQuietly(key, ramp, 'the real server was removed');
        if (change.kind !== 'destination-changed') continue;
        const dest = parseDestinationId(ramp.destination);
        const weight = event.table
          .find((s) => serviceId(s.key) === ramp.service)
          ?.destinations.find((d) => sameDestinationKey(d, dest))?.weight;
        if (weight !== undefined && weight !== ramp.weight)
          void this.endQuietly(key, ramp, `its weight was set to ${weight} directly`);
      }
    }
  }

  /** Stops the timers (agent shutdown); persisted ramps stay for the next agent to finish. */
  stop(): void {
    this.stopped = true;
    for (const ramp of this.active.values()) if (ramp.timer) clearTimeout(ramp.timer);
  }

  private schedule(memoryKey: string, ramp: ActiveRamp): void {
    if (this.stopped || ramp.ended) return;
    const steps = planRamp(ramp.target, ramp.seconds);
    const next = ramp.index + 1;
    if (next >= steps.length) {
      void this.endQuietly(memoryKey, ramp, null);
      return;
    }
    const delay = Math.max(0, ramp.startedAt + steps[next]!.atMs - this.now());
    ramp.timer = setTimeout(() => {
      ramp.timer = null;
      this.step(memoryKey, ramp, next).catch((error) => this.deps.report('a slow-start step failed', error));
    }, delay);
    ramp.timer.unref();
  }

  private async step(memoryKey: string, ramp: ActiveRamp, index: number): Promise<void> {
    const key = parseServiceId(ramp.service);
    const dest = parseDestinationId(ramp.destination);
    const weight = planRamp(ramp.target, ramp.seconds)[index]!.weight;
    let stop: string | null = null;
    let applied: IpvsadmCommand | null = null;
    try {
      await this.deps.pipeline.run({
        action: ramp.action,
        actor: ramp.actor,
        scope: [key],
        partOf: ramp.id,
        plan: (before) => {
          if (ramp.ended) return [];
          const current = before[0]?.destinations.find((d) => sameDestinationKey(d, dest));
          if (!current) stop = 'the real server is gone';
          else if (current.weight !== ramp.weight)
            stop = `its weight was set to ${current.weight} by someone else`;
          if (stop !== null || !current || current.weight === weight) return [];
          applied = {
            kind: 'edit-destination',
            service: key,
            destination: { ...savableDestination(current), weight },
          };
          return [applied];
        },
        summary: () => ramp.lead,
      });
    } catch (error) {
      stop = `a step was refused: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (ramp.ended) return;
    if (stop !== null) {
      await this.end(memoryKey, ramp, stop);
      return;
    }
    ramp.index = index;
    ramp.weight = weight;
    if (applied) ramp.commands.push(lineOf(applied));
    await this.deps.ramps.put(memoryKey, ramp);
    this.changed(memoryKey);
    this.schedule(memoryKey, ramp);
  }

  private endQuietly(memoryKey: string, ramp: ActiveRamp, why: string | null): Promise<void> {
    return this.end(memoryKey, ramp, why).catch((error) =>
      this.deps.report('recording a slow-start ramp failed', error),
    );
  }

  /**
   * Ends a ramp (why null: it reached its target) and writes its one record, before reads stop showing the
   * ramp: a client that sees it gone finds its record.
   */
  private async end(memoryKey: string, ramp: ActiveRamp, why: string | null): Promise<void> {
    if (ramp.ended) return;
    ramp.ended = true;
    if (ramp.timer) clearTimeout(ramp.timer);
    try {
      if (ramp.commands.length > 0) {
        const rows = await readRows(this.deps.backend, [parseServiceId(ramp.service)]);
        // A step the kernel refused was recorded (rolled back) under the ramp's id: the ramp takes a new one.
        const id = this.deps.log.get(ramp.id) ? newChangeId(this.now()) : ramp.id;
        await this.deps.log.append(rampRecord(ramp, rows, { id, at: this.now(), why }));
      }
    } finally {
      if (this.active.get(memoryKey) === ramp) this.active.delete(memoryKey);
      await this.deps.ramps.remove(memoryKey);
      this.changed(memoryKey);
    }
  }

  private changed(key: string): void {
    for (const listener of this.listeners) listener(key);
  }
}
