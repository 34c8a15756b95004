// Reads the table from the kernel the way ipvsadm does: one GET_SERVICE dump, then one GET_DEST dump per
// service with that service's identity, packed as a RawSnapshot. A generator: it yields after each
// service and, inside a service's GET_DEST dump, after each datagram (a service of 10,000 real servers
// is ~75 datagrams, ~150 ms in the guest); the agent's path gives the event loop a turn when its slicer
// says so, benchmarks drain it without pausing to time the read alone.
import type { GenlConnection, ReplyVisitor } from '../../../netlink/index.js';
import { IPVS_GENL_NAME, IpvsCmd } from '../codec/constants.js';
import type { EventLoopSlicer } from './event-loop-slicer.js';
import { toDomainError, type IpvsOperation } from '../kernel-errors.js';
import { RawSnapshotWriter, type RawSnapshot } from './raw-snapshot.js';
import { identityFromServiceMessage } from '../codec/service-codec.js';

/**
 * dumpEachSteps (GenlConnection's copy-free dump, in steps) is used when present, then dumpEach; replays
 * may offer dump alone.
 */
export type DumpConnection = Pick<GenlConnection, 'dump'> &
  Partial<Pick<GenlConnection, 'dumpEach' | 'dumpEachSteps'>>;

const EMPTY = Buffer.alloc(0);

function dump(connection: DumpConnection, operation: IpvsOperation, cmd: number, attributes: Buffer) {
  try {
    return connection.dump(IPVS_GENL_NAME, cmd, attributes);
  } catch (error) {
    throw toDomainError(operation, error);
  }
}

function* dumpEach(
  connection: DumpConnection,
  operation: IpvsOperation,
  cmd: number,
  attributes: Buffer,
  visit: ReplyVisitor,
): Generator<void, void, void> {
  try {
    if (connection.dumpEachSteps) yield* connection.dumpEachSteps(IPVS_GENL_NAME, cmd, attributes, visit);
    else if (connection.dumpEach) connection.dumpEach(IPVS_GENL_NAME, cmd, attributes, visit);
    else
      for (const reply of connection.dump(IPVS_GENL_NAME, cmd, attributes))
        visit(reply.attributes, 0, reply.attributes.length);
  } catch (error) {
    throw toDomainError(operation, error);
  }
}

/**
 * Yields after each service and between the datagrams of a service's real servers.
 * `withDestinations: false` reads the services alone (one dump).
 * A service deleted between the two dumps comes back with no real servers, as in ipvsadm.
 * `recycled`: an earlier snapshot nobody reads any more, whose storage is written over (raw-snapshot.ts).
 */
export function* readRawSnapshot(
  connection: DumpConnection,
  withDestinations: boolean,
  recycled?: RawSnapshot,
): Generator<void, RawSnapshot, void> {
  const writer = new RawSnapshotWriter(recycled);
  const addDestination: ReplyVisitor = (buf, start, end) => writer.addDestination(buf, start, end);
  for (const service of dump(connection, 'list', IpvsCmd.GET_SERVICE, EMPTY)) {
    writer.addService(service.attributes);
    if (withDestinations) {
      const identity = identityFromServiceMessage(service.attributes);
      yield* dumpEach(connection, 'list-destinations', IpvsCmd.GET_DEST, identity, addDestination);
    }
    yield;
  }
  return writer.finish();
}

/** Runs the reader to the end at once (bench:netlink's breakdown: the read without yielding). */
export function readRawSnapshotNow(
  connection: DumpConnection,
  withDestinations: boolean,
  recycled?: RawSnapshot,
): RawSnapshot {
  const steps = readRawSnapshot(connection, withDestinations, recycled);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the reader on this thread, giving the event loop a turn whenever `slicer`'s slice is used up. */
export async function readRawSnapshotSliced(
  connection: DumpConnection,
  withDestinations: boolean,
  slicer: EventLoopSlicer,
  recycled?: RawSnapshot,
): Promise<RawSnapshot> {
  const steps = readRawSnapshot(connection, withDestinations, recycled);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slicer.maybeYield();
  }
}
