// The one road every change takes (docs/api.md "Changes"): read the rows it touches, plan, validate
// against the kernel's capabilities, journal, apply in traffic-safe order, roll back what ran if the
// kernel refuses a step, record it in the change log, and hand its rows to the monitor so the change is
// announced as this change and not as someone else's.
import {
  AppError,
  formatCommand,
  planRestore,
  serviceId,
  type ChangeRecord,
  type IpvsadmCommand,
  type SavableService,
} from '@ipvs-dashboard/shared';
import { performance } from 'node:perf_hooks';
import type { IpvsBackend } from '../ipvs/backend/backend.js';
import type { Attribution, TableMonitor } from '../live/index.js';
import { applyAllYouCan, applySteps } from './apply-steps.js';
import { CapabilityCache } from './capability-cache.js';
import { problemsError } from './capability-check.js';
import { newChangeId } from './change-ids.js';
import type { ChangeJournal, JournalHeader } from './change-journal.js';
import type { ChangeLog } from './change-log.js';
import { expectedAfter, planBack, touchedServices } from './change-targets.js';
import { readRows } from './table-rows.js';
import {
  untimed,
  type SettingChangeRequest,
  type TableChangeRequest,
  type TableChangeResult,
} from './change-requests.js';

export type {
  PhaseTimer,
  SettingChangeRequest,
  TableChangeRequest,
  TableChangeResult,
} from './change-requests.js';

export interface ChangePipelineDeps {
  backend: IpvsBackend;
  monitor: TableMonitor;
  journal: ChangeJournal;
  log: ChangeLog;
  now?: () => number;
}

function heldOutOf(request: TableChangeRequest): Pick<ChangeRecord, 'heldOut'> {
  const heldOut = request.heldOut?.() ?? [];
  return heldOut.length > 0 ? { heldOut } : {};
}

const commandLine = (command: IpvsadmCommand) => `ipvsadm ${formatCommand(command, { thresholds: true })}`;

function stale(): AppError {
  return new AppError('CONFLICT');
}

export class ChangePipeline {
  private readonly now: () => number;
  private readonly capabilities: CapabilityCache;

  constructor(private readonly deps: ChangePipelineDeps) {
    this.now = deps.now ?? Date.now;
    this.capabilities = new CapabilityCache(() => deps.backend.capabilities());
  }

  /** Reads, plans and validates exactly as `run` does, and applies nothing (dry run). */
  async plan(request: TableChangeRequest): Promise<{ before: SavableService[]; commands: IpvsadmCommand[] }> {
    const { result } = await this.deps.monitor.apply(() => this.prepare(request), null, stale);
    return { before: result.before, commands: result.commands };
  }

  private async prepare(request: TableChangeRequest) {
    const timer = request.timer ?? untimed;
    const before = await timer.measureAsync('read', () => readRows(this.deps.backend, request.scope));
    const commands = await timer.measureAsync('plan', () => Promise.resolve(request.plan(before)));
    const problems = await this.capabilities.problems(commands, request.lineOf);
    if (problems.length > 0) throw problemsError(problems);
    const target = timer.measure('target', () => expectedAfter(before, commands));
    return { before, commands, target };
  }

  async run(request: TableChangeRequest): Promise<TableChangeResult> {
    const timer = request.timer ?? untimed;
    const queued = performance.now();
    const { result } = await this.deps.monitor.apply(
      async (commit, fail) => {
        timer.since('queue', queued);
        const { before, commands, target } = await this.prepare(request);
        if (commands.length === 0 && request.settles === undefined) {
          return { record: null, generation: this.deps.monitor.currentGeneration, before, commands };
        }
        const { ids, wholeTable } = touchedServices(commands, before);
        // One clock read for the id and the journal (each is a system call in the user-mode Linux guest).
        const startedAt = this.now();
        const attribution: Attribution = {
          changeId: request.partOf ?? newChangeId(startedAt),
          services: wholeTable ? 'all' : ids,
        };
        const rows = {
          before: before.filter((row) => ids.has(serviceId(row.key))),
          target: target.filter((row) => ids.has(serviceId(row.key))),
        };
        const header: JournalHeader = {
          id: attribution.changeId,
          action: request.action,
          summary: request.summary(before, commands),
          actor: request.actor,
          startedAt,
          total: commands.length,
          services: [...ids],
          before: rows.before,
          target: rows.target,
          ...(request.fleetChange === undefined ? {} : { fleetChange: request.fleetChange }),
        };
        const journaled = commands.some((command) => command.kind !== 'zero');
        await timer.measureAsync('journal', () =>
          Promise.all([
            journaled ? this.deps.journal.begin(header) : undefined,
            request.durableBeforeApply?.(),
          ]),
        );
        const failure = await timer.measureAsync('apply', () =>
          applySteps(this.deps.backend, commands, (applied) =>
            journaled && applied < commands.length
              ? this.deps.journal.progress(header.id, applied)
              : Promise.resolve(),
          ),
        );
        if (failure !== null) {
          fail(attribution);
          throw await this.rolledBack(header, commands, failure, journaled);
        }
        const generation = commit(attribution);
        const record = timer.measure('record', () =>
          this.recordOf(header, {
            status: 'applied',
            commands: commands.map(commandLine),
            inverse: commands.some((command) => command.kind === 'zero')
              ? null
              : planRestore(rows.target, rows.before).commands.map(commandLine),
            after: rows.target,
            generation,
            ...(request.revertOf === undefined ? {} : { revertOf: request.revertOf }),
            ...heldOutOf(request),
          }),
        );
        if (request.partOf === undefined)
          await timer.measureAsync('audit', () => this.deps.log.append(record));
        if (journaled) await this.deps.journal.end(header.id);
        if (request.settles !== undefined) await this.deps.journal.settle(request.settles);
        return { record, generation, before, commands };
      },
      request.ifMatch ?? null,
      stale,
      request.answered,
    );
    return result;
  }

  /** A change beside the table (timeouts, a kernel setting, a daemon): applied and recorded, one step. */
  async runSetting(request: SettingChangeRequest): Promise<ChangeRecord> {
    const { result } = await this.deps.monitor.apply(
      async () => {
        const setting = await request.apply();
        const record: ChangeRecord = {
          id: newChangeId(this.now()),
          at: this.now(),
          actor: request.actor,
          source: 'api',
          action: request.action,
          summary: request.summary,
          status: 'applied',
          services: [],
          commands: request.commands,
          inverse: request.inverse,
          before: [],
          after: [],
          setting,
          ...(request.revertOf === undefined ? {} : { revertOf: request.revertOf }),
        };
        await this.deps.log.append(record);
        return record;
      },
      null,
      stale,
    );
    return result;
  }

  private recordOf(
    header: JournalHeader,
    outcome: Pick<ChangeRecord, 'status' | 'commands' | 'inverse' | 'after'> &
      Partial<Pick<ChangeRecord, 'generation' | 'revertOf' | 'error' | 'heldOut'>>,
  ): ChangeRecord {
    return {
      id: header.id,
      at: this.now(),
      actor: header.actor,
      source: 'api',
      action: header.action,
      summary: header.summary,
      services: header.services,
      before: header.before,
      ...(header.fleetChange === undefined ? {} : { fleetChange: header.fleetChange }),
      ...outcome,
    };
  }

  /**
   * The kernel refused a step: put back what ran. The touched rows return to what they were before (only
   * what differs between before and target is touched, additions first, nothing that existed is removed),
   * planned from a fresh read because a refused batch may have run past its refusal.
   */
  private async rolledBack(
    header: JournalHeader,
    commands: readonly IpvsadmCommand[],
    failure: { index: number; error: AppError },
    journaled: boolean,
  ): Promise<AppError> {
    const keys = header.before.map((row) => row.key).concat(header.target.map((row) => row.key));
    const now = await readRows(this.deps.backend, keys);
    const back = planBack(now, header.target, header.before);
    await applyAllYouCan(this.deps.backend, back);
    const after = await readRows(this.deps.backend, keys);
    const complete = planBack(after, header.target, header.before).length === 0;
    const command = commands[failure.index];
    const cause = failure.error;
    const line = command ? ` "${formatCommand(command, { thresholds: true })}"` : '';
    const message = `Step ${failure.index + 1} of ${commands.length} (${command?.kind ?? 'unknown'}${line}) failed: ${cause.message} ${
      complete
        ? 'What had been applied was rolled back; the table is as it was.'
        : 'The rollback did not restore every row: see GET /info.'
    }`;
    await this.deps.log.append(
      this.recordOf(header, {
        status: complete ? 'rolled-back' : 'failed',
        commands: commands.slice(0, failure.index + 1).map(commandLine),
        inverse: null,
        after: complete ? header.before : after,
        error: message,
      }),
    );
    // A rollback that did not finish leaves the journal, so the agent reports the change as interrupted.
    if (journaled && complete) await this.deps.journal.end(header.id);
    else if (journaled) this.deps.journal.keep(header, failure.index);
    return new AppError(cause.code, message, { cause, ...(cause.field ? { field: cause.field } : {}) });
  }
}
