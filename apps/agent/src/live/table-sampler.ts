import {
  destinationIdOf,
  serviceIdOf,
  ratesBetween,
  sameCounters,
  sameRates,
  sameStats,
  zeroStats,
  type DestinationSample,
  type Rates,
  type SampleMessage,
  type ServiceSample,
  type ServiceWithDestinations,
  type Stats,
} from '@ipvs-dashboard/shared';
import type { HistoryStore } from './history-store.js';
import {
  NO_RATES,
  destinationEntry,
  fullEntry,
  type DestinationTrack,
  type RowTrack,
  type ServiceTrack,
} from './row-tracks.js';

/** One sample: the frame with the rows that moved, and on demand the frame with every row. */
export interface TableSample {
  /** Only the rows whose numbers changed since the previous sample (`full: false`). */
  message: SampleMessage;
  /** Every row with its latest numbers (`full: true`), built on the first call; call it before the next sample. */
  full(): SampleMessage;
}

export interface SampledReading {
  table: readonly ServiceWithDestinations[];
  totals: Stats;
  at: number;
}

/** Where this sample's rates are measured from: the reading `baseTick`, `elapsedMs` before this one. */
interface Window {
  tick: number;
  baseTick: number | null;
  elapsedMs: number;
}

/**
 * Turns each periodic reading into a sample: rates from counter deltas (not the kernel's 8 s EWMA) over the
 * last `readingsPerWindow` readings, one history point per row, and the rows whose numbers moved. Rows the
 * backend hands out again as the same objects are recognised without computing their ids, and a row whose
 * stats object is the one at the window's start has no rates to compute. A row new since the window's
 * start counts from 0, as the kernel starts a new row's counters, so no connection is lost or counted
 * twice; the very first reading has no window, so its rates are 0.
 */
export class TableSampler {
  private tick = -1;
  private readonly slots: number;
  private readonly ats: number[] = [];
  private readonly services = new Map<string, ServiceTrack>();
  private rows: readonly ServiceWithDestinations[] = [];
  private aligned: ServiceTrack[] = [];

  constructor(
    private readonly history: HistoryStore,
    private readonly readingsPerWindow: number,
  ) {
    this.slots = readingsPerWindow + 1;
  }

  sample(reading: SampledReading): TableSample {
    const window = this.advance(reading.at);
    this.history.beginSample(reading.at);
    const table = reading.table;
    const aligned: ServiceTrack[] = [];
    const moved: ServiceSample[] = [];
    for (let i = 0; i < table.length; i++) {
      const row = table[i] as ServiceWithDestinations;
      const track = (this.rows[i] === row ? this.aligned[i] : undefined) ?? this.serviceTrack(row, window);
      track.seenTick = window.tick;
      aligned.push(track);
      const entry = this.sampleService(track, row, window);
      if (entry) moved.push(entry);
    }
    this.rows = table;
    this.aligned = aligned;
    if (this.services.size !== table.length) this.forgetServicesNotSeen(window.tick);
    const base = { type: 'sample' as const, at: reading.at, totals: reading.totals };
    let full: SampleMessage | null = null;
    return {
      message: { ...base, full: false, services: moved },
      full: () => (full ??= { ...base, full: true, services: aligned.map(fullEntry) }),
    };
  }

  private advance(at: number): Window {
    const tick = ++this.tick;
    this.ats[tick % this.slots] = at;
    if (tick === 0) return { tick, baseTick: null, elapsedMs: 0 };
    const baseTick = Math.max(0, tick - this.readingsPerWindow);
    return { tick, baseTick, elapsedMs: at - (this.ats[baseTick % this.slots] ?? at) };
  }

  /** Records `stats` for this tick and returns the rates over the window. */
  private ratesOf(track: RowTrack, stats: Stats, window: Window): Rates {
    track.statsByTick[window.tick % this.slots] = stats;
    if (window.baseTick === null) return NO_RATES;
    const before =
      track.bornTick <= window.baseTick ? track.statsByTick[window.baseTick % this.slots] : zeroStats;
    // Most rows' counters stand still, even when their row was rebuilt because the kernel's rates moved.
    if (before === stats || (before !== undefined && sameCounters(before, stats))) return NO_RATES;
    return ratesBetween(before, stats, window.elapsedMs);
  }

  /** Samples one service and its real servers; returns its entry when anything in it moved, else null. */
  private sampleService(
    track: ServiceTrack,
    row: ServiceWithDestinations,
    window: Window,
  ): ServiceSample | null {
    if (track.row !== row) this.realign(track, row, window);
    let moved: DestinationSample[] | null = null;
    let active = 0;
    let inactive = 0;
    for (let j = 0; j < row.destinations.length; j++) {
      const dest = row.destinations[j]!;
      const destTrack = track.aligned[j]!;
      const rates = this.ratesOf(destTrack, dest.stats, window);
      // Its history point repeats unless its rates or gauges moved (series-ring.ts): most rows stand still.
      const sent = destTrack.sent;
      if (
        sent === null ||
        !sameRates(sent.rates, rates) ||
        sent.activeConns !== dest.activeConns ||
        sent.inactiveConns !== dest.inactiveConns
      ) {
        destTrack.ring.push(rates, dest.activeConns, dest.inactiveConns);
      }
      active += dest.activeConns;
      inactive += dest.inactiveConns;
      const entry = destinationEntry(destTrack, dest, rates);
      if (entry) (moved ??= []).push(entry);
    }
    const rates = this.ratesOf(track, row.stats, window);
    track.ring.push(rates, active, inactive);
    const sent = track.sent;
    if (!sent) {
      track.sent = { stats: row.stats, rates };
      return { id: track.id, stats: row.stats, rates, destinations: moved ?? [] };
    }
    let entry: ServiceSample | null = moved ? { id: track.id, destinations: moved } : null;
    if (!sameStats(sent.stats, row.stats))
      (entry ??= { id: track.id, destinations: [] }).stats = sent.stats = row.stats;
    if (!sameRates(sent.rates, rates))
      (entry ??= { id: track.id, destinations: [] }).rates = sent.rates = rates;
    return entry;
  }

  /** The service row is a new object: pair its real servers with their tracks again. */
  private realign(track: ServiceTrack, row: ServiceWithDestinations, window: Window): void {
    const previous = track.row?.destinations ?? [];
    const aligned: DestinationTrack[] = [];
    for (let j = 0; j < row.destinations.length; j++) {
      const dest = row.destinations[j]!;
      // Rebuilt rows of the same real server at the same place keep their track without formatting an id.
      const before = previous[j];
      const sameServer = before === dest || (before?.address === dest.address && before.port === dest.port);
      const destTrack =
        (sameServer ? track.aligned[j] : undefined) ?? this.destinationTrack(track, dest, window);
      destTrack.seenTick = window.tick;
      aligned.push(destTrack);
    }
    track.row = row;
    track.aligned = aligned;
    if (track.destinations.size === aligned.length) return;
    for (const [did, destTrack] of track.destinations) {
      if (destTrack.seenTick === window.tick) continue;
      track.destinations.delete(did);
      this.history.forgetDestination(track.id, did);
    }
  }

  /** New tracks: literals field by field in the same order as RowTrack, no spread (row-tracks.ts says why). */
  private serviceTrack(row: ServiceWithDestinations, window: Window): ServiceTrack {
    const id = serviceIdOf(row);
    let track = this.services.get(id);
    if (!track) {
      track = {
        id,
        ring: this.history.serviceRing(id),
        statsByTick: new Array<Stats | undefined>(this.slots),
        bornTick: window.tick,
        seenTick: window.tick,
        sent: null,
        row: null,
        aligned: [],
        destinations: new Map(),
      };
      this.services.set(id, track);
    }
    return track;
  }

  private destinationTrack(
    service: ServiceTrack,
    dest: ServiceWithDestinations['destinations'][number],
    window: Window,
  ) {
    const id = destinationIdOf(dest);
    let track = service.destinations.get(id);
    if (!track) {
      track = {
        id,
        ring: this.history.destinationRing(service.id, id),
        statsByTick: new Array<Stats | undefined>(this.slots),
        bornTick: window.tick,
        seenTick: window.tick,
        sent: null,
      };
      service.destinations.set(id, track);
    }
    return track;
  }

  private forgetServicesNotSeen(tick: number): void {
    for (const [sid, track] of this.services) {
      if (track.seenTick === tick) continue;
      this.services.delete(sid);
      this.history.forgetService(sid);
    }
  }
}
