import type { HistoryPoint, HistoryResponse, ServiceHistory } from '@ipvs-dashboard/shared';
import { SeriesRing } from './series-ring.js';

interface ServiceRings {
  points: SeriesRing;
  destinations: Map<string, SeriesRing>;
}

/**
 * Rolling history (15 min at the default 1 s) per virtual service and per real server. Series of objects
 * that left the table are dropped at the next sample, so memory is bounded by table size x capacity,
 * whatever the churn.
 */
export class HistoryStore {
  private readonly services = new Map<string, ServiceRings>();

  constructor(readonly capacity: number) {}

  static capacityFor(windowMs: number, intervalMs: number): number {
    return Math.max(1, Math.ceil(windowMs / intervalMs));
  }

  /** Records one sample of the whole table: `points` maps service id to its point and its real servers'. */
  record(
    points: ReadonlyMap<string, { point: HistoryPoint; destinations: ReadonlyMap<string, HistoryPoint> }>,
  ): void {
    for (const sid of this.services.keys()) if (!points.has(sid)) this.services.delete(sid);
    for (const [sid, sample] of points) {
      let rings = this.services.get(sid);
      if (!rings) {
        rings = { points: new SeriesRing(this.capacity), destinations: new Map() };
        this.services.set(sid, rings);
      }
      rings.points.push(sample.point);
      for (const did of rings.destinations.keys())
        if (!sample.destinations.has(did)) rings.destinations.delete(did);
      for (const [did, point] of sample.destinations) {
        let ring = rings.destinations.get(did);
        if (!ring) {
          ring = new SeriesRing(this.capacity);
          rings.destinations.set(did, ring);
        }
        ring.push(point);
      }
    }
  }

  query(intervalMs: number, serviceId?: string): HistoryResponse {
    const services: ServiceHistory[] = [];
    for (const [id, rings] of this.services) {
      if (serviceId !== undefined && id !== serviceId) continue;
      services.push({
        id,
        points: rings.points.toArray(),
        destinations: [...rings.destinations].map(([did, ring]) => ({ id: did, points: ring.toArray() })),
      });
    }
    return { intervalMs, services };
  }
}
