// The main-thread handle on the snapshot worker (snapshot-worker.ts): sends requests, matches answers by
// id, and keeps the worker from holding the process open while no request is in flight. A worker that
// dies fails the requests it had and is started afresh on the next one. Off by default: it bought no
// figure (kernel-backend-options.ts, snapshotThread).
import { Worker } from 'node:worker_threads';
import { AppError } from '@ipvs-dashboard/shared';
import { isDetached, transferablesOf, type RawSnapshot } from './raw-snapshot.js';
import {
  deserializeError,
  type SnapshotRequest,
  type SnapshotResponse,
  type SnapshotWorkerData,
} from './snapshot-protocol.js';

interface Pending {
  resolve: (raw: RawSnapshot) => void;
  reject: (error: Error) => void;
}

const WORKER_URL = new URL('./snapshot-worker.js', import.meta.url);

export class SnapshotThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;
  private closed = false;

  constructor(private readonly workerData: SnapshotWorkerData) {}

  /** Starts the worker now, so its start-up (module loading) is not paid by the first snapshot. */
  start(): void {
    this.worker ??= this.spawn();
  }

  /**
   * A RawSnapshot read by the worker; rejects with the worker's AppError (e.g. PERMISSION_DENIED).
   * `recycled` (a snapshot the caller no longer reads) is transferred to the worker, which writes the new
   * one into its storage: it is unusable here afterwards.
   */
  read(withDestinations: boolean, recycled?: RawSnapshot): Promise<RawSnapshot> {
    if (this.closed) return Promise.reject(new AppError('KERNEL_ERROR', 'The IPVS backend is closed.'));
    const worker = (this.worker ??= this.spawn());
    const request: SnapshotRequest = { id: ++this.lastId, withDestinations };
    const transfer = recycled !== undefined && !isDetached(recycled) ? transferablesOf(recycled) : [];
    if (transfer.length > 0) request.recycled = recycled;
    return new Promise<RawSnapshot>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.ref();
      worker.postMessage(request, transfer);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new AppError('KERNEL_ERROR', 'The IPVS backend was closed during a snapshot.'));
    await worker?.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: this.workerData });
    worker.unref();
    worker.on('message', (response: SnapshotResponse) => this.answer(worker, response));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the thread exited with code ${code}`)));
    return worker;
  }

  private answer(worker: Worker, response: SnapshotResponse): void {
    const pending = this.pending.get(response.id);
    this.pending.delete(response.id);
    if (this.pending.size === 0) worker.unref();
    if (pending === undefined) return;
    if ('raw' in response) pending.resolve(response.raw);
    else pending.reject(deserializeError(response.error));
  }

  private lost(worker: Worker, cause: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(new AppError('KERNEL_ERROR', `The snapshot thread stopped: ${cause.message}`, { cause }));
  }

  private failAll(error: AppError): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(error);
  }
}
