import { AppError, type ServiceSettings } from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../../ipvs/backend.js';
import { desiredFromTable } from './desired-table.js';
import { planRestore, type PlanStep } from './restore-plan.js';

function settingsOf(input: ServiceSettings): ServiceSettings {
  const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = input;
  return { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket };
}

async function runStep(backend: IpvsBackend, step: PlanStep): Promise<void> {
  switch (step.op) {
    case 'delete-service':
      return backend.deleteService(step.key);
    case 'delete-destination':
      return backend.deleteDestination(step.key, step.dest);
    case 'edit-service':
      return backend.editService(step.input, settingsOf(step.input));
    case 'add-service':
      return backend.addService(step.input);
    case 'edit-destination':
      return backend.editDestination(step.key, step.dest);
    case 'add-destination':
      return backend.addDestination(step.key, step.dest);
  }
}

/**
 * Applies the steps one by one. IPVS has no transactions, so "atomic" means: on the first refusal, plan the
 * way back from whatever is there now to the table saved before, run that best-effort, then report the
 * refusal (with how far we got and whether the rollback was complete).
 */
export async function applyPlan(backend: IpvsBackend, steps: readonly PlanStep[]): Promise<void> {
  const saved = desiredFromTable(await backend.snapshot());
  for (const [index, step] of steps.entries()) {
    try {
      await runStep(backend, step);
    } catch (error) {
      const rollbackFailures = await rollBack(backend, saved);
      const cause =
        error instanceof AppError ? error : new AppError('KERNEL_ERROR', undefined, { cause: error });
      const rolledBack =
        rollbackFailures === 0
          ? 'The table was rolled back.'
          : `Rollback left ${rollbackFailures} step(s) undone.`;
      const failed = new AppError(
        cause.code,
        `Step ${index + 1} of ${steps.length} (${step.op}) failed: ${cause.message} ${rolledBack}`,
        {
          cause: error,
          ...(cause.field ? { field: cause.field } : {}),
        },
      );
      throw failed;
    }
  }
}

async function rollBack(backend: IpvsBackend, saved: ReturnType<typeof desiredFromTable>): Promise<number> {
  let failures = 0;
  const back = planRestore(desiredFromTable(await backend.snapshot()), saved);
  for (const step of back) {
    try {
      await runStep(backend, step);
    } catch {
      failures += 1;
    }
  }
  return failures;
}
