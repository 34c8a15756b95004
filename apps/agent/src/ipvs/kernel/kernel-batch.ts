// The kernel side of IpvsBackend.applyBatch: runs of additions and deletions go to the kernel as netlink
// batches (GenlConnection.requestBatch, up to 100 per datagram) instead of one request and ACK each;
// edits, which read the current object first (SET_* replaces every setting), go one by one.
import type { GenlConnection } from '../../netlink/index.js';
import type { IpvsBackend } from '../backend/backend.js';
import { IPVS_GENL_NAME, IpvsCmd } from './codec/constants.js';
import { packDestinationFull, packDestinationIdentity } from './codec/destination-codec.js';
import { toDomainError, type IpvsOperation } from './kernel-errors.js';
import { packServiceFull, packServiceIdentity } from './codec/service-codec.js';
import { asAppError, runTableCommand } from '../backend/table-commands.js';
import type { BatchFailure, TableCommand } from '../backend/backend.js';

type BatchConnection = Pick<GenlConnection, 'requestBatch'>;

/** How many commands go to requestBatch at once: one event-loop turn between chunks (~50 ms in UML). */
const CHUNK = 1000;

interface Packed {
  operation: IpvsOperation;
  cmd: number;
  attributes: Buffer;
}

/** The netlink request of a command that needs no read first, or null (edits). */
function packed(command: TableCommand): Packed | null {
  switch (command.op) {
    case 'add-service':
      return { operation: command.op, cmd: IpvsCmd.NEW_SERVICE, attributes: packServiceFull(command.input) };
    case 'delete-service':
      return {
        operation: command.op,
        cmd: IpvsCmd.DEL_SERVICE,
        attributes: packServiceIdentity(command.key),
      };
    case 'add-destination':
      return {
        operation: command.op,
        cmd: IpvsCmd.NEW_DEST,
        attributes: packDestinationFull(command.key, command.dest),
      };
    case 'delete-destination':
      return {
        operation: command.op,
        cmd: IpvsCmd.DEL_DEST,
        attributes: packDestinationIdentity(command.key, command.dest),
      };
    default:
      return null;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Applies `commands` in order and returns the first refusal (null: all done). Within one batch the kernel
 * goes on after a refusal, so later commands of that batch may have run: callers roll back on failure.
 * No batch is sent after one that had a refusal.
 */
export async function applyKernelBatch(
  connection: BatchConnection,
  backend: IpvsBackend,
  commands: readonly TableCommand[],
): Promise<BatchFailure | null> {
  let index = 0;
  while (index < commands.length) {
    const run: Packed[] = [];
    for (let next = commands[index]; next !== undefined && run.length < CHUNK; next = commands[index]) {
      const request = packed(next);
      if (request === null) break;
      run.push(request);
      index++;
    }
    if (run.length === 0) {
      const command = commands[index] as TableCommand;
      try {
        await runTableCommand(backend, command);
      } catch (error) {
        return { index, error: asAppError(error) };
      }
      index++;
      continue;
    }
    const failure = sendRun(connection, run, index - run.length);
    if (failure) return failure;
    await nextTurn();
  }
  return null;
}

function sendRun(connection: BatchConnection, run: readonly Packed[], first: number): BatchFailure | null {
  let results: ReturnType<BatchConnection['requestBatch']>;
  try {
    results = connection.requestBatch(IPVS_GENL_NAME, run);
  } catch (error) {
    // The transport failed: which commands ran is unknown, so blame the first one; a rollback follows.
    return { index: first, error: toDomainError(run[0]?.operation ?? 'add-service', error) };
  }
  const failed = results.findIndex((result) => result !== null);
  if (failed < 0) return null;
  const operation = run[failed]?.operation ?? 'add-service';
  return { index: first + failed, error: toDomainError(operation, results[failed]) };
}
