// A row's track in the sampler (table-sampler.ts): its rate window, its history series and the numbers the
// samples so far told, and how a sample entry is cut from it (only the numbers that moved). Tracks and
// entries are object literals written field by field, never spreads: a spread call site that has seen a few
// shapes gives each copy a hidden class of its own, and then every read of 11,000 tracks a second misses its
// inline cache (perf showed a fifth of the agent's CPU in V8's IC-miss runtime; see row-copies.ts in shared).
import {
  sameRates,
  sameStats,
  zeroRates,
  zeroStats,
  type Destination,
  type DestinationNumbers,
  type DestinationSample,
  type Rates,
  type ServiceNumbers,
  type ServiceSample,
  type ServiceWithDestinations,
  type Stats,
} from '@ipvs-dashboard/shared';
import type { SeriesRing } from './history/series-ring.js';
import type { WeightSteps } from './history/weight-steps.js';

/** Rates of rows whose counters did not move over the window: one shared, never mutated object. */
export const NO_RATES: Rates = Object.freeze({ ...zeroRates });

export interface RowTrack {
  id: string;
  ring: SeriesRing;
  /** The row's stats at the last few ticks, by tick modulo their number: the rate window's ends. */
  statsByTick: (Stats | undefined)[];
  bornTick: number;
  seenTick: number;
  /** Rates of the last counter step (the kernel's last estimator run), and the tick that saw it. */
  stepRates: Rates;
  stepTick: number;
}

export interface DestinationTrack extends RowTrack {
  /** The numbers of this real server the samples so far told (null before the first). */
  sent: DestinationNumbers | null;
  /** Its weight in the history, as steps (the weight chart). */
  weights: WeightSteps;
}

export interface ServiceTrack extends RowTrack {
  sent: ServiceNumbers | null;
  /** The row this track last sampled and the tracks of its real servers, in its order. */
  row: ServiceWithDestinations | null;
  aligned: DestinationTrack[];
  destinations: Map<string, DestinationTrack>;
}

/**
 * The entry of a real server for this sample: every number the first time, then only those that moved
 * since the previous sample (null when none did). Records what it tells in `track.sent`.
 */
export function destinationEntry(
  track: DestinationTrack,
  dest: Destination,
  rates: Rates,
): DestinationSample | null {
  const sent = track.sent;
  const { activeConns, inactiveConns, persistentConns, overloaded, stats } = dest;
  if (!sent) {
    track.sent = { activeConns, inactiveConns, persistentConns, overloaded, stats, rates };
    return { id: track.id, activeConns, inactiveConns, persistentConns, overloaded, stats, rates };
  }
  let entry: DestinationSample | null = null;
  if (sent.activeConns !== activeConns)
    (entry ??= { id: track.id }).activeConns = sent.activeConns = activeConns;
  if (sent.inactiveConns !== inactiveConns) {
    (entry ??= { id: track.id }).inactiveConns = sent.inactiveConns = inactiveConns;
  }
  if (sent.persistentConns !== persistentConns) {
    (entry ??= { id: track.id }).persistentConns = sent.persistentConns = persistentConns;
  }
  if (sent.overloaded !== overloaded) (entry ??= { id: track.id }).overloaded = sent.overloaded = overloaded;
  if (!sameStats(sent.stats, stats)) (entry ??= { id: track.id }).stats = sent.stats = stats;
  if (!sameRates(sent.rates, rates)) (entry ??= { id: track.id }).rates = sent.rates = rates;
  // The flag rides along with any entry of the row, not only when it moves: a client whose table was
  // replaced by a GET that left before the flag moved (change events refetch) gets it back with the next
  // numbers, as it does the gauges; one boolean per entry.
  if (entry !== null) entry.overloaded = overloaded;
  return entry;
}

/** A service's entry in a full sample: every number of it and of each of its real servers. */
export function fullEntry(track: ServiceTrack): ServiceSample {
  const sent = track.sent ?? { stats: zeroStats, rates: NO_RATES };
  return {
    id: track.id,
    stats: sent.stats,
    rates: sent.rates,
    destinations: track.aligned.flatMap(({ id, sent: d }) =>
      d
        ? [
            {
              id,
              activeConns: d.activeConns,
              inactiveConns: d.inactiveConns,
              persistentConns: d.persistentConns,
              overloaded: d.overloaded,
              stats: d.stats,
              rates: d.rates,
            },
          ]
        : [],
    ),
  };
}
