// The change layer as the agent starts it: the journal (saying what a crash interrupted), the change log,
// the pipeline, and the followers that keep the stores' memories in step with changes made outside.
import type { ChangeRecord, TableOwner } from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../ipvs/backend/backend.js';
import type { TableMonitor } from '../live/index.js';
import type { CheckStore, HoldStore, PolicyStore } from '../state/index.js';
import { followCheckSettings } from './check-memory.js';
import { ChangeJournal, type JournalHeader } from './change-journal.js';
import { ChangeLog } from './change-log.js';
import { ChangePipeline } from './change-pipeline.js';
import { recordExternalChanges } from './external-changes.js';
import { followHoldMemory } from './hold-memory.js';
import { followPolicies } from './policy-memory.js';

export interface OpenChangesOptions {
  stateDir: string;
  backend: IpvsBackend;
  monitor: TableMonitor;
  log: (message: string, error?: unknown) => void;
  /** Each change a crash interrupted, oldest first (after its log line). */
  onInterrupted: (change: JournalHeader & { applied: number }) => void;
}

export interface OpenedChanges {
  journal: ChangeJournal;
  changes: ChangeLog;
  pipeline: ChangePipeline;
}

export async function openChanges(options: OpenChangesOptions): Promise<OpenedChanges> {
  const { stateDir, backend, monitor, log } = options;
  const journal = await ChangeJournal.open(stateDir);
  for (const { header, applied } of journal.unfinished()) {
    log(
      `INTERRUPTED CHANGE ${header.id}: "${header.summary}" was being applied when the agent stopped (${applied} of ${header.total} steps recorded). The table may be half-changed: POST /api/v1/changes/${header.id}/rollback or /resume, or use the banner in the web app.`,
    );
    options.onInterrupted({ ...header, applied });
  }
  for (const { header, applied } of journal.fromEarlierBoot) {
    log(
      `Change ${header.id} ("${header.summary}") was being applied when the machine went down (${applied} of ${header.total} steps recorded). The IPVS table does not survive a restart, so nothing of it is left to roll back; its journal was removed.`,
    );
  }
  const changes = await ChangeLog.open({ dir: stateDir, announce: (line) => console.log(line) });
  const pipeline = new ChangePipeline({ backend, monitor, journal, log: changes });
  return { journal, changes, pipeline };
}

export interface TableMemories {
  holds: HoldStore;
  checks: CheckStore;
  policies: PolicyStore;
}

/**
 * Changes made outside the agent: recorded (with who else manages the table) and announced, and the stores
 * forget what belonged to rows that are gone.
 */
export function followOutsideChanges(
  monitor: TableMonitor,
  changes: ChangeLog,
  memories: TableMemories,
  owners: () => Promise<readonly TableOwner[]>,
  onRecorded: (record: ChangeRecord) => void,
  onError: (error: unknown) => void,
): void {
  monitor.subscribe(recordExternalChanges(changes, onError, owners, onRecorded));
  monitor.subscribe(followHoldMemory(memories.holds, onError));
  monitor.subscribe(followCheckSettings(memories.checks, onError));
  monitor.subscribe(followPolicies(memories.policies, onError));
}
