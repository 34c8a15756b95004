import {
  destinationIdOf,
  rememberDestinationId,
  serviceIdOf,
  destinationWith,
  sameStats,
  serviceRowWith,
  type Destination,
  type DestinationSample,
  type SampleMessage,
  type ServiceWithDestinations,
  type ServiceSample,
} from '@ipvs-dashboard/shared';
import type { LatestService } from './sample-rows';
import {
  HISTORY_MS,
  HISTORY_POINTS,
  SPARKLINE_POINTS,
  appendPoint,
  ratePoint,
  type RatePoint,
  type ServiceSeries,
} from './series';
import type { OverviewSeries } from './series-queries';
import { appendWeights } from './weight-series';

// Pure functions from one sample frame to the next cached values, so the feed stays thin and these are
// tested without sockets or React.

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

/** Numbers a sample leaves out did not move (docs/api.md). */
function unchanged(destination: Destination, next: DestinationSample): boolean {
  return (
    (next.activeConns ?? destination.activeConns) === destination.activeConns &&
    (next.inactiveConns ?? destination.inactiveConns) === destination.inactiveConns &&
    (next.persistentConns ?? destination.persistentConns) === destination.persistentConns &&
    (next.overloaded ?? destination.overloaded) === destination.overloaded &&
    (next.stats === undefined || sameStats(destination.stats, next.stats)) &&
    next.holds === undefined &&
    next.health === undefined &&
    next.drain === undefined &&
    next.ramp === undefined &&
    next.sorryServer === undefined
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
    // Field by field, not a spread: thousands of these a second (row-copies.ts in shared says why).
    const copy = destinationWith(destination, {
      stats: next.stats ?? destination.stats,
      activeConns: next.activeConns ?? destination.activeConns,
      inactiveConns: next.inactiveConns ?? destination.inactiveConns,
      persistentConns: next.persistentConns ?? destination.persistentConns,
      overloaded: next.overloaded ?? destination.overloaded,
      holds: next.holds ?? destination.holds,
      health: next.health ?? destination.health,
      // null is news here (the drain ended), so only an absent one keeps what was there.
      drain: next.drain === undefined ? destination.drain : next.drain,
      // null: the ramp ended (absent: unchanged).
      ramp: next.ramp === undefined ? destination.ramp : (next.ramp ?? undefined),
      sorryServer: next.sorryServer ?? destination.sorryServer,
    });
    rememberDestinationId(copy, id);
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
    const stats = entry.stats ?? service.stats;
    if (destinations === service.destinations && sameStats(service.stats, stats)) return service;
    return serviceRowWith(service, stats, destinations);
  });
}

export function servicePoint(at: number, entry: LatestService): RatePoint {
  let activeConns = 0;
  let inactiveConns = 0;
  for (const destination of entry.destinations) {
    activeConns += destination.activeConns;
    inactiveConns += destination.inactiveConns;
  }
  return ratePoint(at, entry.rates, activeConns, inactiveConns);
}

/** One sparkline point per service per sample: `entries` are every service's latest (SampleRows). */
export function appendOverview(
  series: OverviewSeries,
  at: number,
  entries: Iterable<LatestService>,
): OverviewSeries {
  const next: OverviewSeries = {};
  for (const entry of entries) {
    next[entry.id] = appendPoint(series[entry.id] ?? [], servicePoint(at, entry), SPARKLINE_POINTS);
  }
  return next;
}

/**
 * One point per real server and one for the total; `row` is the service as the table now has it (samples
 * carry no settings): its weights extend the weight steps.
 */
export function appendServiceSeries(
  series: ServiceSeries,
  entry: LatestService,
  at: number,
  row: ServiceWithDestinations | undefined,
): ServiceSeries {
  const destinations: Record<string, RatePoint[]> = {};
  for (const destination of entry.destinations) {
    const point = ratePoint(at, destination.rates, destination.activeConns, destination.inactiveConns);
    destinations[destination.id] = appendPoint(
      series.destinations[destination.id] ?? [],
      point,
      HISTORY_POINTS,
    );
  }
  const weights = row
    ? appendWeights(
        series.weights,
        row.destinations.map((d) => ({ id: destinationIdOf(d), weight: d.weight })),
        at,
        HISTORY_MS,
      )
    : series.weights;
  return { total: appendPoint(series.total, servicePoint(at, entry), HISTORY_POINTS), destinations, weights };
}
