import {
  AppError,
  formatCommand,
  planRestore,
  type IpvsadmCommand,
  type SavableService,
  type ServiceSettings,
} from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../../ipvs/backend.js';
import { applyOneByOne, type BatchFailure, type TableCommand } from '../../ipvs/index.js';

/** The table commands a restore plan is made of (planRestore never emits the others). */
type PlanCommand = Extract<
  IpvsadmCommand,
  { kind: `${'add' | 'edit' | 'delete'}-${'service' | 'destination'}` }
>;

function settingsOf(input: ServiceSettings): ServiceSettings {
  const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = input;
  return { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket };
}

function isPlanCommand(command: IpvsadmCommand): command is PlanCommand {
  return /^(add|edit|delete)-(service|destination)$/.test(command.kind);
}

function tableCommandOf(command: IpvsadmCommand): TableCommand {
  if (!isPlanCommand(command)) {
    throw new AppError('INTERNAL', `A restore plan cannot hold "${command.kind}".`);
  }
  switch (command.kind) {
    case 'delete-service':
      return { op: command.kind, key: command.service };
    case 'edit-service':
      return { op: command.kind, key: command.service, settings: settingsOf(command.service) };
    case 'add-service':
      return { op: command.kind, input: command.service };
    case 'delete-destination':
      return { op: command.kind, key: command.service, dest: command.destination };
    case 'edit-destination':
    case 'add-destination':
      return { op: command.kind, key: command.service, dest: command.destination };
  }
}

/** The backend's batch when it has one (kernel: netlink batches), else one step at a time. */
function applyCommands(
  backend: IpvsBackend,
  commands: readonly IpvsadmCommand[],
): Promise<BatchFailure | null> {
  const steps = commands.map(tableCommandOf);
  return backend.applyBatch ? backend.applyBatch(steps) : applyOneByOne(backend, steps);
}

/**
 * Applies a restore plan's commands (in batches where the backend can). IPVS has no transactions, so
 * "atomic" means: on the first refusal, plan the way back from whatever is there now to `saved` (the table
 * the plan was made from), run that, then report the refusal with the step's ipvsadm line, and whether the
 * rollback was complete.
 */
export async function applyPlan(
  backend: IpvsBackend,
  commands: readonly IpvsadmCommand[],
  saved: readonly SavableService[],
): Promise<void> {
  if (commands.length === 0) return;
  const failure = await applyCommands(backend, commands);
  if (failure === null) return;
  const command = commands[failure.index];
  const rolledBack = (await rollBack(backend, saved))
    ? 'The table was rolled back.'
    : 'The rollback did not restore the whole table.';
  const cause = failure.error;
  const line = command ? ` "${formatCommand(command, { thresholds: true })}"` : '';
  throw new AppError(
    cause.code,
    `Step ${failure.index + 1} of ${commands.length} (${command?.kind ?? 'unknown'}${line}) failed: ${cause.message} ${rolledBack}`,
    { cause, ...(cause.field ? { field: cause.field } : {}) },
  );
}

/**
 * Best effort back to `saved`: the way back is planned from a fresh snapshot and applied; steps the kernel
 * still refuses are retried one by one, skipping each refusal. True when the table then equals `saved`.
 */
async function rollBack(backend: IpvsBackend, saved: readonly SavableService[]): Promise<boolean> {
  const back = planRestore(await backend.snapshot(), saved).commands;
  let failure = await applyCommands(backend, back);
  while (failure !== null) {
    failure = await applyOneByOne(backend, back.map(tableCommandOf), failure.index + 1);
  }
  return planRestore(await backend.snapshot(), saved).commands.length === 0;
}
