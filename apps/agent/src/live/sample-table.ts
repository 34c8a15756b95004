import {
  destinationId,
  ratesBetween,
  serviceId,
  type HistoryPoint,
  type SampleMessage,
  type ServiceSample,
  type ServiceWithDestinations,
  type Stats,
} from '@ipvs-dashboard/shared';

/** One sample: the wire frame and the history points, both from the same counter deltas. */
export interface TableSample {
  message: SampleMessage;
  history: Map<string, { point: HistoryPoint; destinations: Map<string, HistoryPoint> }>;
}

interface Reading {
  table: readonly ServiceWithDestinations[];
  totals: Stats;
  at: number;
}

function statsById(reading: Reading | null): Map<string, Stats> {
  const byId = new Map<string, Stats>();
  if (!reading) return byId;
  for (const s of reading.table) {
    const sid = serviceId(s.key);
    byId.set(sid, s.stats);
    for (const d of s.destinations) byId.set(`${sid} ${destinationId(d)}`, d.stats);
  }
  return byId;
}

/**
 * Rates over the interval between two readings from their counter deltas (not the kernel's 8 s EWMA),
 * per service, real server and for the totals. The first reading has no predecessor: rates are 0.
 */
export function sampleTable(previous: Reading | null, current: Reading): TableSample {
  const elapsedMs = previous ? current.at - previous.at : 0;
  const before = statsById(previous);
  const history: TableSample['history'] = new Map();
  const services: ServiceSample[] = [];
  for (const s of current.table) {
    const sid = serviceId(s.key);
    const rates = ratesBetween(before.get(sid), s.stats, elapsedMs);
    const destinations = new Map<string, HistoryPoint>();
    const sample: ServiceSample = { id: sid, stats: s.stats, rates, destinations: [] };
    let active = 0;
    let inactive = 0;
    for (const d of s.destinations) {
      const did = destinationId(d);
      const destRates = ratesBetween(before.get(`${sid} ${did}`), d.stats, elapsedMs);
      sample.destinations.push({
        id: did,
        activeConns: d.activeConns,
        inactiveConns: d.inactiveConns,
        persistentConns: d.persistentConns,
        stats: d.stats,
        rates: destRates,
      });
      destinations.set(did, {
        at: current.at,
        ...destRates,
        activeConns: d.activeConns,
        inactiveConns: d.inactiveConns,
      });
      active += d.activeConns;
      inactive += d.inactiveConns;
    }
    services.push(sample);
    history.set(sid, {
      point: { at: current.at, ...rates, activeConns: active, inactiveConns: inactive },
      destinations,
    });
  }
  return { message: { type: 'sample', at: current.at, totals: current.totals, services }, history };
}
