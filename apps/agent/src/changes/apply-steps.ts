// Runs a change's ipvsadm commands against the backend in order: runs of table commands as batches (the
// kernel's netlink batches where it has them), clear and zero as they are; reports progress after each
// batch so the journal can record it.
import { AppError, type IpvsadmCommand } from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../ipvs/backend/backend.js';
import { applyOneByOne, asAppError, type BatchFailure, type TableCommand } from '../ipvs/index.js';

/** Commands per batch between two journal progress lines. */
const BATCH = 1000;

export function tableCommandOf(command: IpvsadmCommand): TableCommand | null {
  switch (command.kind) {
    case 'delete-service':
      return { op: command.kind, key: command.service };
    case 'edit-service': {
      const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } =
        command.service;
      const settings = { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket };
      return { op: command.kind, key: command.service, settings };
    }
    case 'add-service':
      return { op: command.kind, input: command.service };
    case 'delete-destination':
      return { op: command.kind, key: command.service, dest: command.destination };
    case 'edit-destination':
    case 'add-destination':
      return { op: command.kind, key: command.service, dest: command.destination };
    default:
      return null;
  }
}

function runBatch(backend: IpvsBackend, steps: readonly TableCommand[]): Promise<BatchFailure | null> {
  return backend.applyBatch ? backend.applyBatch(steps) : applyOneByOne(backend, steps);
}

async function runOther(backend: IpvsBackend, command: IpvsadmCommand): Promise<void> {
  switch (command.kind) {
    case 'clear':
      return backend.clear();
    case 'zero':
      return backend.zero(command.service);
    default:
      throw new AppError('INTERNAL', `A table change cannot hold "${command.kind}".`);
  }
}

/**
 * Applies `commands` from `from` on; returns the first refusal (its index into `commands`) or null.
 * After a refusal inside a batch, later commands of that batch may have run (kernel batches go on).
 */
export async function applySteps(
  backend: IpvsBackend,
  commands: readonly IpvsadmCommand[],
  progress: (applied: number) => Promise<void>,
  from = 0,
): Promise<BatchFailure | null> {
  let index = from;
  while (index < commands.length) {
    const batch: TableCommand[] = [];
    const start = index;
    for (; index < commands.length && batch.length < BATCH; index++) {
      const step = tableCommandOf(commands[index] as IpvsadmCommand);
      if (step === null) break;
      batch.push(step);
    }
    if (batch.length > 0) {
      const failure = await runBatch(backend, batch);
      if (failure) return { index: start + failure.index, error: failure.error };
    } else {
      try {
        await runOther(backend, commands[index] as IpvsadmCommand);
      } catch (error) {
        return { index, error: asAppError(error) };
      }
      index++;
    }
    await progress(index);
  }
  return null;
}

/**
 * Best effort (a rollback): every command the backend takes, in batches until the first refusal, then one
 * at a time, skipping each refusal. Returns how many were refused.
 */
export async function applyAllYouCan(
  backend: IpvsBackend,
  commands: readonly IpvsadmCommand[],
): Promise<number> {
  const failure = await applySteps(backend, commands, () => Promise.resolve());
  if (failure === null) return 0;
  let refused = 1;
  for (let index = failure.index + 1; index < commands.length; index++) {
    const single = [commands[index] as IpvsadmCommand];
    if ((await applySteps(backend, single, () => Promise.resolve())) !== null) refused++;
  }
  return refused;
}
