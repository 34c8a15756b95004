// Worker-thread entry (started by snapshot-thread.ts): owns its own netlink socket and reads snapshots
// without ever yielding, so the system calls of a 1,000 x 10 table never block the main event loop.
// Answers each request with a RawSnapshot whose buffers are transferred, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { GenlConnection } from '../../../netlink/index.js';
import { toDomainError } from '../kernel-errors.js';
import { transferablesOf } from './raw-snapshot.js';
import { readRawSnapshotNow } from './snapshot-reader.js';
import {
  serializeError,
  type SnapshotRequest,
  type SnapshotResponse,
  type SnapshotWorkerData,
} from './snapshot-protocol.js';

const port = parentPort;
if (port === null) throw new Error('snapshot-worker.js runs only as a worker thread');
const { timeoutMs } = workerData as SnapshotWorkerData;
let connection: GenlConnection | undefined;

function openConnection(): GenlConnection {
  try {
    return GenlConnection.open({ timeoutMs });
  } catch (error) {
    throw toDomainError('list', error);
  }
}

port.on('message', (request: SnapshotRequest) => {
  try {
    connection ??= openConnection();
    const raw = readRawSnapshotNow(connection, request.withDestinations, request.recycled);
    const response: SnapshotResponse = { id: request.id, raw };
    port.postMessage(response, transferablesOf(raw));
  } catch (error) {
    const response: SnapshotResponse = { id: request.id, error: serializeError(error) };
    port.postMessage(response);
  }
});
