// What a caller hands the change pipeline (change-pipeline.ts) and what it gets back: a table change
// (planned against the rows it reads) or a setting change, with optional phase timing.
import type {
  ChangeAction,
  ChangeActor,
  ChangeRecord,
  HeldOut,
  IpvsadmCommand,
  SavableService,
  ServiceKey,
  SettingChange,
} from '@ipvs-dashboard/shared';

/** Optional per-phase timing (the HTTP layer's Server-Timing); the pipeline only names the phases. */
export interface PhaseTimer {
  measure<T>(name: string, work: () => T): T;
  measureAsync<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Records the time from `started` (performance.now()) until now, e.g. the wait for the table's lock. */
  since(name: string, started: number): void;
}

export const untimed: PhaseTimer = {
  measure: (_name, work) => work(),
  measureAsync: (_name, work) => work(),
  since: () => undefined,
};

export interface TableChangeRequest {
  action: ChangeAction;
  actor: ChangeActor;
  /** The services to read before planning, or the whole table. */
  scope: readonly ServiceKey[] | 'all';
  /** The commands that make the change, from the rows as they are now. Throw to refuse with nothing done. */
  plan(before: SavableService[]): IpvsadmCommand[] | Promise<IpvsadmCommand[]>;
  summary(before: readonly SavableService[], commands: readonly IpvsadmCommand[]): string;
  /** The restore-text line a command came from, to name it in problems. */
  lineOf?: (command: IpvsadmCommand) => number | undefined;
  /**
   * A step of a longer change recorded once as a whole (a slow-start ramp, ramps/): the step is journaled and
   * attributed under that change's id, and left out of the change log, whose one record its owner appends.
   */
  partOf?: string;
  /** The change this one reverts, rolls back or resumes. */
  revertOf?: string;
  /** An interrupted change this one finishes (rollback/resume): its journal goes once this is done. */
  settles?: string;
  ifMatch?: number | null;
  /** The fleet change this is part of (X-Fleet-Change from an admin token): kept on its change record. */
  fleetChange?: string | undefined;
  timer?: PhaseTimer;
  /** Settles once the change's answer is on its way: the re-read that follows the change waits for it. */
  answered?: Promise<unknown>;
  /**
   * What the plan started writing that must be durable before the first kernel step (a held server's
   * remembered weight): awaited beside the journal's fsync rather than before it, so taking a failing
   * server out costs one disk flush of latency, not three.
   */
  durableBeforeApply?: () => Promise<void> | undefined;
  /** Held-out real servers the change removes, as the plan found them: kept in its record for its undo. */
  heldOut?: () => HeldOut[];
}

export interface TableChangeResult {
  /** null when there was nothing to do (the table already is as asked). */
  record: ChangeRecord | null;
  generation: number;
  before: SavableService[];
  commands: IpvsadmCommand[];
}

export interface SettingChangeRequest {
  action: ChangeAction;
  actor: ChangeActor;
  summary: string;
  commands: string[];
  inverse: string[] | null;
  /** Makes the change and says what it set, as read back where the backend can tell. */
  apply(): Promise<SettingChange>;
  revertOf?: string;
}
