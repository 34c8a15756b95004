import { AppError, formatCommand, type ServiceSettings } from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../../ipvs/backend.js';
import { applyOneByOne, type BatchFailure, type TableCommand } from '../../ipvs/index.js';
import { desiredFromTable, type DesiredService } from './desired-table.js';
import { commandOfStep, planRestore, type PlanStep } from './restore-plan.js';

function settingsOf(input: ServiceSettings): ServiceSettings {
  const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = input;
  return { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket };
}

function tableCommandOf(step: PlanStep): TableCommand {
  switch (step.op) {
    case 'delete-service':
      return { op: step.op, key: step.key };
    case 'edit-service':
      return { op: step.op, key: step.input, settings: settingsOf(step.input) };
    case 'add-service':
      return { op: step.op, input: step.input };
    case 'delete-destination':
    case 'edit-destination':
    case 'add-destination':
      return { op: step.op, key: step.key, dest: step.dest };
  }
}

/** The backend's batch when it has one (kernel: netlink batches), else one step at a time. */
function applySteps(backend: IpvsBackend, steps: readonly PlanStep[]): Promise<BatchFailure | null> {
  const commands = steps.map(tableCommandOf);
  return backend.applyBatch ? backend.applyBatch(commands) : applyOneByOne(backend, commands);
}

/**
 * Applies the steps (in batches where the backend can). IPVS has no transactions, so "atomic" means: on the
 * first refusal, plan the way back from whatever is there now to the table saved before (`saved`, or a
 * snapshot taken here), run that, then report the refusal with the step's ipvsadm line, and whether the
 * rollback was complete.
 */
export async function applyPlan(
  backend: IpvsBackend,
  steps: readonly PlanStep[],
  saved?: readonly DesiredService[],
): Promise<void> {
  const before = saved ?? desiredFromTable(await backend.snapshot());
  if (steps.length === 0) return;
  const failure = await applySteps(backend, steps);
  if (failure === null) return;
  const step = steps[failure.index];
  const rolledBack = (await rollBack(backend, before))
    ? 'The table was rolled back.'
    : 'The rollback did not restore the whole table.';
  const cause = failure.error;
  const line = step ? ` "${formatCommand(commandOfStep(step), { thresholds: true })}"` : '';
  throw new AppError(
    cause.code,
    `Step ${failure.index + 1} of ${steps.length} (${step?.op ?? 'unknown'}${line}) failed: ${cause.message} ${rolledBack}`,
    { cause, ...(cause.field ? { field: cause.field } : {}) },
  );
}

/**
 * Best effort back to `saved`: the way back is planned from a fresh snapshot and applied; steps the kernel
 * still refuses are retried one by one, skipping each refusal. True when the table then equals `saved`.
 */
async function rollBack(backend: IpvsBackend, saved: readonly DesiredService[]): Promise<boolean> {
  const back = planRestore(desiredFromTable(await backend.snapshot()), saved);
  let failure = await applySteps(backend, back);
  while (failure !== null) {
    failure = await applyOneByOne(backend, back.map(tableCommandOf), failure.index + 1);
  }
  const left = planRestore(desiredFromTable(await backend.snapshot()), saved);
  return left.length === 0;
}
