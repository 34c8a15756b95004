// KernelBackend's snapshots and service lists: read on the backend's own connection and decoded, both in
// slices that yield to the event loop. (A worker thread with its own socket bought no figure in
// bench:netlink, 2026-12-07: ratio 0.24/0.195 with it, 0.147/0.147 without; it was removed.) Keeps the last decoded snapshot so
// unchanged rows are handed out again (snapshot-decoder.ts), and passes raw storage nobody reads any more
// back to the reader, so a poll writes into memory that is already there. Recycling buys the ratio:
// without it, bench:netlink 2026-12-07 ratio 0.308/0.397 vs 0.24/0.195 with it (target 0.25).
import type { Service, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import type { DecodedSnapshot } from './decoded-snapshot.js';
import { EventLoopSlicer } from './event-loop-slicer.js';
import type { RawSnapshot } from './raw-snapshot.js';
import { decodeServices, decodeSnapshotReusing } from './snapshot-decoder.js';
import { readRawSnapshotSliced, type DumpConnection } from './snapshot-reader.js';
import { SerialQueue } from '../../../common/serial-queue.js';

export interface KernelSnapshotOptions {
  /** Longest stretch a snapshot holds the event loop before yielding. */
  sliceMs: number;
  /** Hand out the previous snapshot's objects for rows whose bytes did not change. */
  rowReuse: boolean;
}

export class KernelSnapshots {
  private previous: DecodedSnapshot | undefined;
  /** A raw snapshot no decoded snapshot refers to: the next read writes into its storage. */
  private spare: RawSnapshot | undefined;
  /** Snapshots run one after another: each compares with the one before and recycles its storage. */
  private readonly queue = new SerialQueue();

  constructor(
    private readonly connection: DumpConnection,
    private readonly options: KernelSnapshotOptions,
  ) {}

  /** Every service with its real servers, in ipvsadm's order. */
  snapshot(): Promise<ServiceWithDestinations[]> {
    return this.queue.run(() => this.takeSnapshot());
  }

  /** One GET_SERVICE dump, in ipvsadm's order. */
  async listServices(): Promise<Service[]> {
    const slicer = new EventLoopSlicer(this.options.sliceMs);
    const raw = await this.read(false, slicer);
    const services = await decodeServices(raw, slicer);
    this.recycle(raw);
    return services;
  }

  close(): Promise<void> {
    this.previous = undefined;
    this.spare = undefined;
    return Promise.resolve();
  }

  private async takeSnapshot(): Promise<ServiceWithDestinations[]> {
    const slicer = new EventLoopSlicer(this.options.sliceMs);
    const raw = await this.read(true, slicer);
    slicer.newKindOfWork();
    const previous = this.options.rowReuse ? this.previous : undefined;
    const decoded = await decodeSnapshotReusing(raw, previous, slicer);
    if (this.options.rowReuse) {
      this.previous = decoded;
      if (previous) this.recycle(previous.raw);
    } else {
      this.recycle(raw);
    }
    // A new array every time (the rows in it may be the previous ones).
    return [...decoded.sorted];
  }

  private read(withDestinations: boolean, slicer: EventLoopSlicer): Promise<RawSnapshot> {
    const recycled = this.spare;
    this.spare = undefined;
    return readRawSnapshotSliced(this.connection, withDestinations, slicer, recycled);
  }

  /** Keeps the larger of two unused storages (a service list is much smaller than a snapshot). */
  private recycle(raw: RawSnapshot): void {
    if (this.spare === undefined || this.spare.bytes.byteLength < raw.bytes.byteLength) this.spare = raw;
  }
}
