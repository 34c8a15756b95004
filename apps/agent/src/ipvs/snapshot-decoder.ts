// Turns a RawSnapshot into domain objects on the calling thread, in ipvsadm's order, giving the event loop
// a turn whenever the slicer's slice is used up. Decoding needs no system calls, so a slice is pure work.
import { AppError } from '@ipvs-dashboard/shared';
import type { Service, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { unpackDestinationMessageAt } from './destination-codec.js';
import type { EventLoopSlicer } from './event-loop-slicer.js';
import { sortDestinations, sortServices } from './ipvsadm-order.js';
import type { RawSnapshot } from './raw-snapshot.js';
import { unpackServiceMessageAt } from './service-codec.js';

function corrupt(): AppError {
  return new AppError('KERNEL_ERROR', 'The snapshot index runs past its end.');
}

/** Every service with its real servers (sorted as ipvsadm lists them). */
export async function decodeSnapshot(
  raw: RawSnapshot,
  slicer: EventLoopSlicer,
): Promise<ServiceWithDestinations[]> {
  const bytes = Buffer.from(raw.bytes, 0, raw.byteLength);
  const { index } = raw;
  const count = index[0] ?? 0;
  const result: ServiceWithDestinations[] = [];
  let at = 1;
  for (let i = 0; i < count; i++) {
    const offset = index[at] ?? 0;
    const destCount = index[at + 2];
    if (destCount === undefined) throw corrupt();
    const service = unpackServiceMessageAt(bytes, offset, offset + (index[at + 1] ?? 0));
    at += 3;
    const destinations = [];
    for (let d = 0; d < destCount; d++, at += 2) {
      const start = index[at] ?? 0;
      destinations.push(
        unpackDestinationMessageAt(bytes, start, start + (index[at + 1] ?? 0), service.family),
      );
    }
    // The service object itself becomes the entry (no copy of its fields per service).
    const entry = service as ServiceWithDestinations;
    entry.destinations = sortDestinations(destinations);
    result.push(entry);
    await slicer.maybeYield();
  }
  return sortServices(result);
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
