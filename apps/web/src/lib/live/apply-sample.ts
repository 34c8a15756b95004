import type { SampleMessage, ServiceWithDestinations, ServiceSample } from '@ipvs-dashboard/shared';
import { destinationId, serviceId } from '@ipvs-dashboard/shared';
import { HISTORY_POINTS, SPARKLINE_POINTS, appendPoint, type RatePoint, type ServiceSeries } from './series';
import type { OverviewSeries } from './series-queries';

// Pure functions from one sample frame to the next cached values, so the feed stays thin and these are
// tested without sockets or React.

/** Counters and connection gauges move every interval; settings only change with a snapshot. */
export function mergeSampleIntoTable(
  table: readonly ServiceWithDestinations[],
  sample: SampleMessage,
): ServiceWithDestinations[] {
  const byId = new Map(sample.services.map((entry) => [entry.id, entry]));
  return table.map((service) => {
    const entry = byId.get(serviceIdOf(service));
    if (!entry) return service;
    const destinations = new Map(entry.destinations.map((d) => [d.id, d]));
    return {
      ...service,
      stats: entry.stats,
      destinations: service.destinations.map((destination) => {
        const next = destinations.get(destinationId(destination));
        return next
          ? {
              ...destination,
              stats: next.stats,
              activeConns: next.activeConns,
              inactiveConns: next.inactiveConns,
              persistentConns: next.persistentConns,
            }
          : destination;
      }),
    };
  });
}

function serviceIdOf(service: ServiceWithDestinations): string {
  return serviceId(service.key);
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

export function appendOverview(series: OverviewSeries | undefined, sample: SampleMessage): OverviewSeries {
  const next: OverviewSeries = {};
  for (const entry of sample.services) {
    next[entry.id] = appendPoint(series?.[entry.id] ?? [], servicePoint(sample.at, entry), SPARKLINE_POINTS);
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
