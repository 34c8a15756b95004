// The messages between KernelBackend and its snapshot worker thread, and how an error crosses the thread
// boundary: structured clone keeps an Error's message but not its class, so AppErrors travel as their
// catalogue code and sentence and are rebuilt on the main thread.
import { AppError, errorCatalogue, type ErrorCode } from '@ipvs-dashboard/shared';
import type { RawSnapshot } from './raw-snapshot.js';

export interface SnapshotWorkerData {
  /** GenlConnection timeout for the worker's own socket. */
  timeoutMs: number;
}

export interface SnapshotRequest {
  id: number;
  /** false: the GET_SERVICE dump alone (listServices). */
  withDestinations: boolean;
  /** A snapshot the main thread is done with, transferred back so the worker writes into its storage. */
  recycled?: RawSnapshot;
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  field?: string;
}

export type SnapshotResponse = { id: number; raw: RawSnapshot } | { id: number; error: SerializedError };

/** Any error thrown in the worker as catalogue terms; errors that are not AppErrors become KERNEL_ERROR. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'KERNEL_ERROR', message: `The snapshot thread failed: ${detail}` };
}

/** The AppError a serialized error stands for (an unknown code becomes KERNEL_ERROR, keeping the text). */
export function deserializeError(error: SerializedError): AppError {
  const code: ErrorCode = Object.hasOwn(errorCatalogue, error.code) ? error.code : 'KERNEL_ERROR';
  return new AppError(code, error.message, error.field === undefined ? {} : { field: error.field });
}
