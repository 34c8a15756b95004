// Table commands (backend.ts) applied through a backend's ordinary methods: what a backend without
// batching does for IpvsBackend.applyBatch, with the same errors.
import { AppError } from '@ipvs-dashboard/shared';
import type { BatchFailure, IpvsBackend, TableCommand } from './backend.js';

/** Runs one command through the backend's ordinary methods. */
export function runTableCommand(backend: IpvsBackend, command: TableCommand): Promise<void> {
  switch (command.op) {
    case 'add-service':
      return backend.addService(command.input);
    case 'edit-service':
      return backend.editService(command.key, command.settings);
    case 'delete-service':
      return backend.deleteService(command.key);
    case 'add-destination':
      return backend.addDestination(command.key, command.dest);
    case 'edit-destination':
      return backend.editDestination(command.key, command.dest);
    case 'delete-destination':
      return backend.deleteDestination(command.key, command.dest);
  }
}

export function asAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('KERNEL_ERROR', undefined, { cause: error });
}

/** Applies `commands[from..]` one at a time, stopping at the first refusal. */
export async function applyOneByOne(
  backend: IpvsBackend,
  commands: readonly TableCommand[],
  from = 0,
): Promise<BatchFailure | null> {
  for (let index = from; index < commands.length; index++) {
    const command = commands[index];
    if (command === undefined) continue;
    try {
      await runTableCommand(backend, command);
    } catch (error) {
      return { index, error: asAppError(error) };
    }
  }
  return null;
}
