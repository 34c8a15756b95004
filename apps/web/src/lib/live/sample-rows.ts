import {
  destinationIdOf,
  serviceIdOf,
  zeroRates,
  zeroStats,
  type DestinationNumbers,
  type DestinationSample,
  type SampleMessage,
  type ServiceNumbers,
  type ServiceSample,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';

/** A real server's latest numbers, all of them. */
export interface LatestDestination extends DestinationNumbers {
  id: string;
}

/** A service's latest numbers and those of every one of its real servers. */
export interface LatestService extends ServiceNumbers {
  id: string;
  destinations: LatestDestination[];
}

/** Numbers a sample leaves out keep their value (zero for a row the client never heard of). */
function mergeDestination(
  previous: LatestDestination | undefined,
  entry: DestinationSample,
): LatestDestination {
  return {
    id: entry.id,
    activeConns: entry.activeConns ?? previous?.activeConns ?? 0,
    inactiveConns: entry.inactiveConns ?? previous?.inactiveConns ?? 0,
    persistentConns: entry.persistentConns ?? previous?.persistentConns ?? 0,
    overloaded: entry.overloaded ?? previous?.overloaded ?? false,
    stats: entry.stats ?? previous?.stats ?? zeroStats,
    rates: entry.rates ?? previous?.rates ?? zeroRates,
  };
}

/** A service's entry with the real servers a sample names merged in, and new ones appended. */
function mergeService(previous: LatestService | undefined, entry: ServiceSample): LatestService {
  const stats = entry.stats ?? previous?.stats ?? zeroStats;
  const rates = entry.rates ?? previous?.rates ?? zeroRates;
  const before = previous?.destinations ?? [];
  if (entry.destinations.length === 0) return { id: entry.id, stats, rates, destinations: before };
  const moved = new Map(entry.destinations.map((d) => [d.id, d]));
  const destinations = before.map((d) => {
    const next = moved.get(d.id);
    moved.delete(d.id);
    return next ? mergeDestination(d, next) : d;
  });
  for (const added of moved.values()) destinations.push(mergeDestination(undefined, added));
  return { id: entry.id, stats, rates, destinations };
}

/**
 * The latest numbers of every row, from samples that carry only what moved (docs/api.md): a row or number
 * absent from a sample keeps its value here, and a full sample replaces them all. Charts append a point for
 * every service every second, whether its numbers moved or not, so they read from here.
 */
export class SampleRows {
  private readonly services = new Map<string, LatestService>();

  /** Takes in one sample; returns every service's latest numbers, real servers included. */
  apply(sample: SampleMessage): ReadonlyMap<string, LatestService> {
    if (sample.full) this.services.clear();
    for (const entry of sample.services) {
      this.services.set(entry.id, mergeService(this.services.get(entry.id), entry));
    }
    return this.services;
  }

  /** After a snapshot: forgets services and real servers that left the table. */
  retain(table: readonly ServiceWithDestinations[]): void {
    const present = new Map(table.map((s) => [serviceIdOf(s), new Set(s.destinations.map(destinationIdOf))]));
    for (const [id, latest] of this.services) {
      const destinations = present.get(id);
      if (!destinations) this.services.delete(id);
      else if (latest.destinations.some((d) => !destinations.has(d.id))) {
        this.services.set(id, {
          ...latest,
          destinations: latest.destinations.filter((d) => destinations.has(d.id)),
        });
      }
    }
  }
}
