// Turns a RawSnapshot into domain objects on the calling thread, in ipvsadm's order, giving the event loop
// a turn whenever the slicer's slice is used up. Decoding needs no system calls, so a slice is pure work.
//
// Rows whose bytes equal the previous snapshot's are not decoded again: the previous object is handed out
// once more (IpvsBackend.snapshot() results are read-only, backend.ts). Idle rows never change and the
// kernel refreshes the counters it reports every 2 s (ip_vs_est.c), so on a 1 s poll most rows repeat;
// this spares the main thread both the decoding and the garbage of 11,000 new objects per poll.
// It buys both targets: without it (rowReuse: false) bench:netlink 2026-12-07 ratio 0.335/0.42 vs
// 0.24/0.195 (target 0.25), longest stall 515/676 ms vs 133/94 ms.
import { AppError, overloadedAfter, serviceRowWith } from '@ipvs-dashboard/shared';
import type { Destination, Service, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { DecodedSnapshot } from './decoded-snapshot.js';
import { unpackDestinationMessageAt } from '../codec/destination-codec.js';
import type { EventLoopSlicer } from './event-loop-slicer.js';
import { sortDestinations, sortServices } from './ipvsadm-order.js';
import type { RawSnapshot } from './raw-snapshot.js';
import { unpackServiceMessageAt } from '../codec/service-codec.js';

function corrupt(): AppError {
  return new AppError('KERNEL_ERROR', 'The snapshot index runs past its end.');
}

/** Every service with its real servers (sorted as ipvsadm lists them). */
export async function decodeSnapshot(
  raw: RawSnapshot,
  slicer: EventLoopSlicer,
): Promise<ServiceWithDestinations[]> {
  return [...(await decodeSnapshotReusing(raw, undefined, slicer)).sorted];
}

/**
 * decodeSnapshot that reuses `previous`'s objects: a real server whose bytes are unchanged is the same
 * object; a service whose own bytes and every real server are unchanged is the same entry; anything else
 * is a new object. `previous` is only read (its raw bytes must stay intact until this resolves).
 */
export async function decodeSnapshotReusing(
  raw: RawSnapshot,
  previous: DecodedSnapshot | undefined,
  slicer: EventLoopSlicer,
): Promise<DecodedSnapshot> {
  const bytes = Buffer.from(raw.bytes, 0, raw.byteLength);
  const { index } = raw;
  const count = index[0] ?? 0;
  const rows: ServiceWithDestinations[] = [];
  // Sized once from the index (2 entries per real server): no regrowing of a 10,000-element array.
  const dests = new Array<Destination>(Math.max(0, Math.floor((index.length - 1 - 3 * count) / 2)));
  let used = 0;
  const firstDest = new Uint32Array(count + 1);
  const indexAt = new Uint32Array(count);
  let reusedRows = 0;
  let at = 1;
  for (let i = 0; i < count; i++) {
    const offset = index[at] ?? 0;
    const length = index[at + 1] ?? 0;
    const destCount = index[at + 2];
    if (destCount === undefined || at + 3 + 2 * destCount > index.length) throw corrupt();
    indexAt[i] = at;
    firstDest[i] = used;
    const { service, row } = findRow(previous, i, bytes, offset, length);
    const before = row < 0 ? undefined : previous?.rows[row];
    const family = (service ?? before)?.family ?? 'inet';
    let destsSame = before !== undefined && previous?.destCount(row) === destCount;
    at += 3;
    for (let d = 0; d < destCount; d++, at += 2) {
      const start = index[at] ?? 0;
      const size = index[at + 1] ?? 0;
      const same = before !== undefined && previous?.sameDestination(row, d, bytes, start, size) === true;
      const dest = same ? previous?.destination(row, d) : undefined;
      if (dest === undefined) destsSame = false;
      dests[used++] =
        dest ??
        withOverloadHistory(
          unpackDestinationMessageAt(bytes, start, start + size, family),
          before === undefined ? undefined : previous?.destination(row, d),
          before,
        );
    }
    rows.push(entryFor(service, before, destsSame, dests, firstDest[i] ?? 0, used));
    if (rows[i] === before) reusedRows++;
    await slicer.maybeYield();
  }
  firstDest[count] = used;
  dests.length = used;
  const sorted =
    previous !== undefined && reusedRows === count && count === previous.count
      ? previous.sorted
      : sortServices(rows);
  return new DecodedSnapshot(raw, rows, dests, firstDest, indexAt, sorted);
}

/**
 * The kernel does not export IP_VS_DEST_F_OVERLOAD, and between its thresholds the flag keeps its last
 * state: carry it over from the real server's previous reading (a reused row already has it).
 */
function withOverloadHistory(
  dest: Destination,
  atSamePlace: Destination | undefined,
  before: ServiceWithDestinations | undefined,
): Destination {
  if (before === undefined || dest.upperThreshold === 0) return dest;
  const same = (d: Destination) => d.port === dest.port && d.address === dest.address;
  // The dump order of a service whose real servers did not come or go is the same: try that place first.
  const previous = atSamePlace && same(atSamePlace) ? atSamePlace : before.destinations.find(same);
  dest.overloaded = overloadedAfter(previous, dest);
  return dest;
}

/**
 * Row `i` of the new snapshot in `previous` (-1: not there), and the service decoded unless its bytes
 * equal that row's (then it is not decoded at all). A table that did not change keeps its dump order, so
 * row i is tried first; the identity decides only when those bytes differ.
 */
function findRow(
  previous: DecodedSnapshot | undefined,
  i: number,
  bytes: Buffer,
  offset: number,
  length: number,
): { service: Service | undefined; row: number } {
  if (previous?.sameService(i, bytes, offset, length)) return { service: undefined, row: i };
  const service = unpackServiceMessageAt(bytes, offset, offset + length);
  if (previous === undefined) return { service, row: -1 };
  const row = previous.rowOf(service, i);
  const moved = row >= 0 && row !== i && previous.sameService(row, bytes, offset, length);
  return { service: moved ? undefined : service, row };
}

/**
 * The entry for one service: the previous one when nothing changed; else a new object (the decoded
 * service itself, or a copy of the unchanged previous one) whose real servers are sorted anew only if
 * one of them changed.
 */
function entryFor(
  service: Service | undefined,
  before: ServiceWithDestinations | undefined,
  destsSame: boolean,
  dests: Destination[],
  first: number,
  end: number,
): ServiceWithDestinations {
  if (service === undefined && before !== undefined && destsSame) return before;
  const destinations = destsSame && before ? before.destinations : sortDestinations(dests, first, end);
  if (service !== undefined) {
    // The service object itself becomes the entry (no copy of its fields per service).
    const entry = service as ServiceWithDestinations;
    entry.destinations = destinations;
    return entry;
  }
  if (before === undefined) throw corrupt();
  // Field by field, not a spread (row-copies.ts in shared says why).
  return serviceRowWith(before, before.stats, destinations);
}

/** The services alone (their destination entries, if any, are skipped), in ipvsadm's order. */
export async function decodeServices(raw: RawSnapshot, slicer: EventLoopSlicer): Promise<Service[]> {
  const bytes = Buffer.from(raw.bytes, 0, raw.byteLength);
  const { index } = raw;
  const count = index[0] ?? 0;
  const result: Service[] = [];
  let at = 1;
  for (let i = 0; i < count; i++) {
    const offset = index[at] ?? 0;
    const destCount = index[at + 2];
    if (destCount === undefined) throw corrupt();
    result.push(unpackServiceMessageAt(bytes, offset, offset + (index[at + 1] ?? 0)));
    at += 3 + 2 * destCount;
    await slicer.maybeYield();
  }
  return sortServices(result);
}
