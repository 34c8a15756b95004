// Changes to the table as values, so a whole restore can be handed to a backend at once
// (IpvsBackend.applyBatch) and a backend without batching applies them one by one with the same errors.
import { AppError } from '@ipvs-dashboard/shared';
import type {
  DestinationInput,
  DestinationKey,
  ServiceInput,
  ServiceKey,
  ServiceSettings,
} from '@ipvs-dashboard/shared';
import type { IpvsBackend } from './backend.js';

export type TableCommand =
  | { op: 'add-service'; input: ServiceInput }
  | { op: 'edit-service'; key: ServiceKey; settings: ServiceSettings }
  | { op: 'delete-service'; key: ServiceKey }
  | { op: 'add-destination'; key: ServiceKey; dest: DestinationInput }
  | { op: 'edit-destination'; key: ServiceKey; dest: DestinationInput }
  | { op: 'delete-destination'; key: ServiceKey; dest: DestinationKey };

/** The first command the backend refused (0-based index into the commands) and why. */
export interface BatchFailure {
  index: number;
  error: AppError;
}

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
