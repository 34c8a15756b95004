import {
  destinationId,
  ratesBetween,
  zeroStats,
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

function statsById(reading: Reading): Map<string, Stats> {
  const byId = new Map<string, Stats>();
  for (const s of reading.table) {
    const sid = serviceId(s.key);
    byId.set(sid, s.stats);
    for (const d of s.destinations) byId.set(`${sid} ${destinationId(d)}`, d.stats);
  }
  return byId;
}

/**
 * Rates from counter deltas (not the kernel's 8 s EWMA) since `baseline`, the oldest reading of the rate
 * window, per service and real server. A row the baseline lacks is new: the kernel starts its counters
 * at 0, so they count from 0 and no connection is lost or counted twice. The very first reading has no
 * baseline: rates are 0.
 */
export function sampleTable(baseline: Reading | null, current: Reading): TableSample {
  const before = baseline ? statsById(baseline) : new Map<string, Stats>();
  const elapsedMs = baseline ? current.at - baseline.at : 0;
  const rates = (id: string, stats: Stats) =>
    ratesBetween(before.get(id) ?? (baseline ? zeroStats : undefined), stats, elapsedMs);
  const history: TableSample['history'] = new Map();
  const services: ServiceSample[] = [];
  for (const s of current.table) {
    const sid = serviceId(s.key);
    const serviceRates = rates(sid, s.stats);
    const destinations = new Map<string, HistoryPoint>();
    const sample: ServiceSample = { id: sid, stats: s.stats, rates: serviceRates, destinations: [] };
    let active = 0;
    let inactive = 0;
    for (const d of s.destinations) {
      const did = destinationId(d);
      const destRates = rates(`${sid} ${did}`, d.stats);
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
      point: { at: current.at, ...serviceRates, activeConns: active, inactiveConns: inactive },
      destinations,
    });
  }
  return { message: { type: 'sample', at: current.at, totals: current.totals, services }, history };
}
