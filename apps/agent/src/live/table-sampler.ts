import {
  destinationIdOf,
  serviceIdOf,
  ratesBetween,
  sameCounters,
  sameRates,
  sameStats,
  type DestinationSample,
  type Rates,
  type SampleMessage,
  type ServiceSample,
  type ServiceWithDestinations,
  type Stats,
} from '@ipvs-dashboard/shared';
import type { HistoryStore } from './history/history-store.js';
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

/** This sample's tick, and the span of the last `readingsPerWindow` readings (`baseTick` to it), one step's period. */
interface Window {
  tick: number;
  baseTick: number | null;
  elapsedMs: number;
}

/**
 * Turns each periodic reading into a sample: rates from counter deltas (not the kernel's 8 s EWMA), one history
 * point per row (and each real server's weight), and the rows whose numbers moved. The kernel moves the counters it reports in steps, once per
 * estimator run (every 2 s, ip_vs_est.c); readings come every second. A row's rates are those of its last
 * step: the step's deltas over the last `readingsPerWindow` readings' span (the estimator's period), held
 * until a step is overdue by a whole reading. (A fixed 2 s window of readings missed a run whenever the
 * two timers' jitter crossed: one sample of every row dropped to 0.) A row's first step is measured from its
 * first reading, never from zero: a real server re-added while the kernel still holds it in its trash gets
 * its old counters back (ip_vs_ctl.c, ip_vs_trash_get_dest), which counted from zero was a spike. Rows the
 * backend hands out again as the same objects are recognised without computing their ids, and a row whose
 * stats object did not change since the previous reading has no step to compute. The very first reading of
 * a row has no rates (0).
 */
export class TableSampler {
  private tick = -1;
  private readonly slots: number;
  private readonly holdReadings: number;
  private readonly ats: number[] = [];
  private readonly services = new Map<string, ServiceTrack>();
  private rows: readonly ServiceWithDestinations[] = [];
  private aligned: ServiceTrack[] = [];

  constructor(
    private readonly history: HistoryStore,
    private readonly readingsPerWindow: number,
  ) {
    this.slots = readingsPerWindow + 1;
    // With one reading per period every reading sees a run; with more, a run may come a reading late.
    this.holdReadings = readingsPerWindow === 1 ? 0 : readingsPerWindow;
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
    const span = at - (this.ats[baseTick % this.slots] ?? at);
    // Fewer readings than a window so far (the first seconds): scale their span up to a whole period.
    return { tick, baseTick, elapsedMs: (span * this.readingsPerWindow) / (tick - baseTick) };
  }

  /** Records `stats` for this tick and returns the rates of the row's last counter step. */
  private ratesOf(track: RowTrack, stats: Stats, window: Window): Rates {
    const tick = window.tick;
    track.statsByTick[tick % this.slots] = stats;
    if (window.baseTick === null || track.bornTick === tick) return NO_RATES;
    const previous = track.statsByTick[(tick - 1) % this.slots];
    // Most rows' counters stand still, even when their row was rebuilt because the kernel's rates moved.
    if (previous !== undefined && previous !== stats && !sameCounters(previous, stats)) {
      track.stepRates = ratesBetween(previous, stats, window.elapsedMs);
      track.stepTick = tick;
    } else if (tick - track.stepTick > this.holdReadings) {
      // No step for a whole period (and a reading more): the runs since moved nothing.
      track.stepRates = NO_RATES;
    }
    return track.stepRates;
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
      // One comparison when the weight stands still (weight-steps.ts); a step when someone changed it.
      destTrack.weights.record(dest.weight);
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
        stepRates: NO_RATES,
        stepTick: window.tick,
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
        stepRates: NO_RATES,
        stepTick: window.tick,
        sent: null,
        weights: this.history.destinationWeights(service.id, id),
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
