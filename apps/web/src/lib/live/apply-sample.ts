import type {
  Destination,
  SampleMessage,
  ServiceWithDestinations,
  ServiceSample,
  Stats,
} from '@ipvs-dashboard/shared';
import { destinationId, serviceId } from '@ipvs-dashboard/shared';
import { HISTORY_POINTS, SPARKLINE_POINTS, appendPoint, type RatePoint, type ServiceSeries } from './series';
import type { OverviewSeries } from './series-queries';

// Pure functions from one sample frame to the next cached values, so the feed stays thin and these are
// tested without sockets or React.

// Ids are formatted from addresses (parse, canonicalise), which for 11,000 rows every second was ~15 ms of the
// page's main thread (bench:ui). A row's id never changes while the row lives, so it is remembered per object:
// service keys survive merges as they are, and a merged destination inherits the id of the one it replaces.
const serviceIds = new WeakMap<object, string>();
const destinationIds = new WeakMap<object, string>();

export function serviceIdOf(service: ServiceWithDestinations): string {
  let id = serviceIds.get(service.key);
  if (id === undefined) {
    id = serviceId(service.key);
    serviceIds.set(service.key, id);
  }
  return id;
}

export function destinationIdOf(destination: Destination): string {
  let id = destinationIds.get(destination);
  if (id === undefined) {
    id = destinationId(destination);
    destinationIds.set(destination, id);
  }
  return id;
}

/** The sample's entry for a row: usually at the same index (both in ipvsadm order), else looked up by id. */
function entryFor<E extends { id: string }>(
  entries: readonly E[],
  index: number,
  id: string,
  byId: () => Map<string, E>,
) {
  const atIndex = entries[index];
  return atIndex?.id === id ? atIndex : byId().get(id);
}

function lazyIndex<E extends { id: string }>(entries: readonly E[]): () => Map<string, E> {
  let map: Map<string, E> | null = null;
  return () => (map ??= new Map(entries.map((entry) => [entry.id, entry])));
}

function sameStats(a: Stats, b: Stats): boolean {
  return (
    a.conns === b.conns &&
    a.inPackets === b.inPackets &&
    a.outPackets === b.outPackets &&
    a.inBytes === b.inBytes &&
    a.outBytes === b.outBytes &&
    a.cps === b.cps &&
    a.inPps === b.inPps &&
    a.outPps === b.outPps &&
    a.inBps === b.inBps &&
    a.outBps === b.outBps
  );
}

type DestinationSample = ServiceSample['destinations'][number];

function unchanged(destination: Destination, next: DestinationSample): boolean {
  return (
    destination.activeConns === next.activeConns &&
    destination.inactiveConns === next.inactiveConns &&
    destination.persistentConns === next.persistentConns &&
    sameStats(destination.stats, next.stats)
  );
}

/** The merged destinations, or the same array when no server moved (then memoised views skip the row). */
function mergeDestinations(service: ServiceWithDestinations, entry: ServiceSample): Destination[] {
  const byId = lazyIndex(entry.destinations);
  let changed = false;
  const merged = service.destinations.map((destination, index) => {
    const id = destinationIdOf(destination);
    const next = entryFor(entry.destinations, index, id, byId);
    if (!next || unchanged(destination, next)) return destination;
    changed = true;
    const copy: Destination = {
      ...destination,
      stats: next.stats,
      activeConns: next.activeConns,
      inactiveConns: next.inactiveConns,
      persistentConns: next.persistentConns,
    };
    destinationIds.set(copy, id);
    return copy;
  });
  return changed ? merged : service.destinations;
}

/**
 * Counters and connection gauges move every interval; settings only change with a snapshot. A sample names
 * only the rows whose numbers moved (and a full one every row); the others keep their objects, so memoised
 * views skip them: with light traffic most of 11,000 rows are idle in a second.
 */
export function mergeSampleIntoTable(
  table: readonly ServiceWithDestinations[],
  sample: SampleMessage,
): ServiceWithDestinations[] {
  if (sample.services.length === 0) return table as ServiceWithDestinations[];
  const byId = lazyIndex(sample.services);
  return table.map((service, index) => {
    const entry = entryFor(sample.services, index, serviceIdOf(service), byId);
    if (!entry) return service;
    const destinations = mergeDestinations(service, entry);
    if (destinations === service.destinations && sameStats(service.stats, entry.stats)) return service;
    return { ...service, stats: entry.stats, destinations };
  });
}

export function servicePoint(at: number, entry: ServiceSample): RatePoint {
  let activeConns = 0;
  let inactiveConns = 0;
  for (const destination of entry.destinations) {
    activeConns += destination.activeConns;
    inactiveConns += destination.inactiveConns;
  }
  return { at, ...entry.rates, activeConns, inactiveConns };
}

/** One sparkline point per service per sample: `entries` are every service's latest (SampleRows). */
export function appendOverview(
  series: OverviewSeries | undefined,
  at: number,
  entries: Iterable<ServiceSample>,
): OverviewSeries {
  const next: OverviewSeries = {};
  for (const entry of entries) {
    next[entry.id] = appendPoint(series?.[entry.id] ?? [], servicePoint(at, entry), SPARKLINE_POINTS);
  }
  return next;
}

export function appendServiceSeries(series: ServiceSeries, entry: ServiceSample, at: number): ServiceSeries {
  const destinations: Record<string, RatePoint[]> = {};
  for (const destination of entry.destinations) {
    const point: RatePoint = {
      at,
      ...destination.rates,
      activeConns: destination.activeConns,
      inactiveConns: destination.inactiveConns,
    };
    destinations[destination.id] = appendPoint(
      series.destinations[destination.id] ?? [],
      point,
      HISTORY_POINTS,
    );
  }
  return { total: appendPoint(series.total, servicePoint(at, entry), HISTORY_POINTS), destinations };
}
