// Undo and crash recovery, as new changes through the pipeline: revert a recorded change (its rows back to
// what they were, refused when someone changed them since unless forced), and roll back or resume a
// change an earlier agent left half-done.
import {
  AppError,
  parseServiceId,
  patchConflicts,
  type ChangeActor,
  type ChangeRecord,
  type HeldOut,
  type IpvsadmCommand,
  type SavableService,
} from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../ipvs/backend/backend.js';
import type { ChangePipeline, TableChangeResult } from './change-pipeline.js';
import { planBack } from './change-targets.js';
import type { ChangeJournal } from './change-journal.js';
import type { ChangeLog } from './change-log.js';
import { settingReverter } from './setting-changes.js';
import type { HoldStore } from '../state/index.js';
import { heldOutBack, heldOutText, holdOutAgain } from './undo-holds.js';

export interface UndoDeps {
  backend: IpvsBackend;
  pipeline: ChangePipeline;
  journal: ChangeJournal;
  log: ChangeLog;
  /** Where an undone removal of a held-out server puts its hold back (undo-holds.ts). */
  holds: HoldStore;
}

const countOf = (commands: readonly IpvsadmCommand[]) =>
  `${commands.length} step${commands.length === 1 ? '' : 's'}`;

function conflictError(id: string, conflicts: string[]): AppError {
  return new AppError(
    'CONFLICT',
    `Undoing ${id} would overwrite what changed since: ${conflicts.join('; ')}. Send {"force":true} to undo anyway.`,
    { details: { conflicts } },
  );
}

export async function revertChange(
  deps: UndoDeps,
  id: string,
  force: boolean,
  actor: ChangeActor,
  fleetChange?: string,
): Promise<ChangeRecord | null> {
  const record = deps.log.get(id);
  if (!record) throw new AppError('NOT_FOUND', `No change ${id} in the change log. GET /changes lists them.`);
  if (record.inverse === null || record.status !== 'applied') {
    throw new AppError(
      'CANNOT_UNDO',
      record.status === 'applied'
        ? `Change ${id} (${record.action}) cannot be undone: counters cannot be restored.`
        : `Change ${id} was not applied (${record.status}); there is nothing to undo.`,
    );
  }
  if (record.setting) {
    return settingReverter(deps.backend, deps.pipeline)(record, force, actor);
  }
  let heldOut: HeldOut[] = [];
  let holdsPlaced: Promise<void> | undefined;
  const result = await deps.pipeline.run({
    action: 'revert',
    actor,
    scope: record.services.map((sid) => parseServiceId(sid)),
    revertOf: id,
    fleetChange,
    plan(now: SavableService[]) {
      const conflicts = patchConflicts(now, record.after, record.before);
      if (conflicts.length > 0 && !force) throw conflictError(id, conflicts);
      const commands = planBack(now, record.after, record.before);
      heldOut = heldOutBack(record, commands);
      if (heldOut.length > 0) {
        holdsPlaced = holdOutAgain(deps.holds, heldOut, id, Date.now());
        holdsPlaced.catch(() => undefined); // awaited by the pipeline beside the journal
      }
      return commands;
    },
    durableBeforeApply: () => holdsPlaced,
    summary: (_before, commands) => `Undid "${record.summary}" (${countOf(commands)})${heldOutText(heldOut)}`,
  });
  return result.record;
}

/**
 * An interrupted change finished one way or the other: `rollback` takes the services it touched back to
 * what they were before it, `resume` carries them to the table it aimed at.
 */
export function finishInterrupted(
  deps: UndoDeps,
  id: string,
  way: 'rollback' | 'resume',
  actor: ChangeActor,
): Promise<TableChangeResult> {
  const found = deps.journal.find(id);
  if (!found) {
    throw new AppError('NOT_FOUND', `No interrupted change ${id}. GET /info names the one there is, if any.`);
  }
  const { header } = found;
  const [from, to] = way === 'rollback' ? [header.target, header.before] : [header.before, header.target];
  const done = way === 'rollback' ? 'Rolled back' : 'Finished';
  return deps.pipeline.run({
    action: way,
    actor,
    scope: header.services.map((sid) => parseServiceId(sid)),
    revertOf: id,
    settles: id,
    plan: (now) => planBack(now, from, to),
    summary: (_before, commands) => `${done} the interrupted "${header.summary}" (${countOf(commands)})`,
  });
}
