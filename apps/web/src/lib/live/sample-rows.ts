import type { SampleMessage, ServiceSample, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { destinationIdOf, serviceIdOf } from './apply-sample';

type DestinationSample = ServiceSample['destinations'][number];

/** A service's entry with the real servers a partial entry names replaced, and new ones appended. */
function mergeEntry(previous: ServiceSample, entry: ServiceSample): ServiceSample {
  if (entry.destinations.length === 0) return { ...entry, destinations: previous.destinations };
  const moved = new Map(entry.destinations.map((d) => [d.id, d]));
  const destinations = previous.destinations.map((d) => {
    const next = moved.get(d.id);
    moved.delete(d.id);
    return next ?? d;
  });
  destinations.push(...moved.values());
  return { ...entry, destinations };
}

/**
 * The latest numbers of every row, from samples that carry only the rows that moved (docs/api.md): a row
 * absent from a sample keeps its entry here, a full sample replaces them all. Charts append a point for
 * every service every second, whether its numbers moved or not, so they read from here.
 */
export class SampleRows {
  private readonly services = new Map<string, ServiceSample>();

  /** Takes in one sample; returns every service's entry with all of its real servers. */
  apply(sample: SampleMessage): ReadonlyMap<string, ServiceSample> {
    if (sample.full) this.services.clear();
    for (const entry of sample.services) {
      const previous = this.services.get(entry.id);
      this.services.set(entry.id, previous ? mergeEntry(previous, entry) : entry);
    }
    return this.services;
  }

  /** After a snapshot: forgets services and real servers that left the table. */
  retain(table: readonly ServiceWithDestinations[]): void {
    const present = new Map(table.map((s) => [serviceIdOf(s), new Set(s.destinations.map(destinationIdOf))]));
    for (const [id, entry] of this.services) {
      const destinations = present.get(id);
      if (!destinations) this.services.delete(id);
      else if (entry.destinations.some((d: DestinationSample) => !destinations.has(d.id))) {
        this.services.set(id, {
          ...entry,
          destinations: entry.destinations.filter((d) => destinations.has(d.id)),
        });
      }
    }
  }
}
