import type { HistoryResponse, ServiceHistory } from '@ipvs-dashboard/shared';
import { singleTier, type HistoryTier } from './history-tiers.js';
import { SampleClock } from './sample-clock.js';
import { SeriesRing } from './series-ring.js';
import { WeightSteps } from './weight-steps.js';

interface ServiceRings {
  points: SeriesRing;
  destinations: Map<string, SeriesRing>;
  /** Each real server's weight as steps (weight-steps.ts), by the same ids as `destinations`. */
  weights: Map<string, WeightSteps>;
}

/**
 * Rolling history (15 min at the default 1 s) per virtual service and per real server. The sampler starts
 * each sample, appends every row's point to the ring it holds, and forgets the series of rows that left the
 * table, so memory is bounded by table size x points a series keeps (32 bytes a point), whatever the churn.
 * With `tiers` (history-tiers.ts) older points are kept as means, as the charts draw them. Each real
 * server's weight is kept beside its points as steps, never averaged (weight-steps.ts).
 */
export class HistoryStore {
  private readonly services = new Map<string, ServiceRings>();
  private readonly clock: SampleClock;

  constructor(
    readonly capacity: number,
    tiers: readonly HistoryTier[] = singleTier(capacity),
  ) {
    this.clock = new SampleClock(capacity, tiers);
  }

  /** Starts a sample taken at `at`: then every row still in the table appends its point to its ring. */
  beginSample(at: number): void {
    this.clock.begin(at);
  }

  static capacityFor(windowMs: number, intervalMs: number): number {
    return Math.max(1, Math.ceil(windowMs / intervalMs));
  }

  private ringsOf(serviceId: string): ServiceRings {
    let rings = this.services.get(serviceId);
    if (!rings) {
      rings = { points: new SeriesRing(this.clock), destinations: new Map(), weights: new Map() };
      this.services.set(serviceId, rings);
    }
    return rings;
  }

  /** The series of a service, started empty when it has none. */
  serviceRing(serviceId: string): SeriesRing {
    return this.ringsOf(serviceId).points;
  }

  /** The series of one of its real servers, started empty when it has none. */
  destinationRing(serviceId: string, destinationId: string): SeriesRing {
    const { destinations } = this.ringsOf(serviceId);
    let ring = destinations.get(destinationId);
    if (!ring) {
      ring = new SeriesRing(this.clock);
      destinations.set(destinationId, ring);
    }
    return ring;
  }

  /** The weight steps of one of its real servers, started empty when it has none. */
  destinationWeights(serviceId: string, destinationId: string): WeightSteps {
    const { weights } = this.ringsOf(serviceId);
    let steps = weights.get(destinationId);
    if (!steps) {
      steps = new WeightSteps(this.clock);
      weights.set(destinationId, steps);
    }
    return steps;
  }

  /** Points stored over every series: what the history's memory holds (bench/ws/history-memory.mjs). */
  storedPoints(): number {
    let points = 0;
    for (const rings of this.services.values()) {
      points += rings.points.storedPoints;
      for (const ring of rings.destinations.values()) points += ring.storedPoints;
    }
    return points;
  }

  forgetService(serviceId: string): void {
    this.services.delete(serviceId);
  }

  forgetDestination(serviceId: string, destinationId: string): void {
    const rings = this.services.get(serviceId);
    rings?.destinations.delete(destinationId);
    rings?.weights.delete(destinationId);
  }

  /** Every series, or one service's; `points` keeps the newest N of each, `destinations: false` leaves them out. */
  query(
    intervalMs: number,
    serviceId?: string,
    { points = Infinity, destinations = true }: { points?: number; destinations?: boolean } = {},
  ): HistoryResponse {
    const services: ServiceHistory[] = [];
    for (const [id, rings] of this.services) {
      if (serviceId !== undefined && id !== serviceId) continue;
      services.push({
        id,
        points: rings.points.toArray(points),
        destinations: destinations
          ? [...rings.destinations].map(([did, ring]) => {
              const series = ring.toArray(points);
              const weights = rings.weights.get(did)?.toArray(series.length) ?? [];
              return { id: did, points: series, weights };
            })
          : [],
      });
    }
    return { intervalMs, services };
  }
}
