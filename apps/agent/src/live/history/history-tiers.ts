// How coarse the history gets as it ages. The service page's charts (apps/web rate-charts.tsx, chart-rows.ts)
// draw a window of 1, 5 or 15 minutes in at most 100 rows, each the mean of ceil(samples in the window / 100)
// samples: at 1 s, single samples for 1 minute, means of 3 for 5 minutes, means of 9 for 15. A point older
// than a finer window reaches is only ever drawn inside such a mean, so the history keeps it as that mean:
// about 200 points a series instead of 900, the same lines on the charts.

/** Rows a chart draws at most, and the windows it offers (rate-charts.tsx). */
export const CHART_ROWS = 100;
export const CHART_WINDOWS_MS: readonly number[] = [60_000, 300_000, 900_000];

export interface HistoryTier {
  /** Samples per stored mean (1: every sample as it was). */
  every: number;
  /** The newest `span` samples are kept at this resolution or finer; older ones at the next tier's. */
  span: number;
}

/** No coarsening: every sample of the last `capacity`. */
export function singleTier(capacity: number): HistoryTier[] {
  return [{ every: 1, span: capacity }];
}

/**
 * The tiers for a history of `capacity` samples taken every `intervalMs`: single samples for the shortest
 * window, then each window's chart means. Each tier's `every` is a multiple of the finer one's, so a
 * coarser mean is made of whole finer means and is exactly the mean of its samples.
 */
export function historyTiers(capacity: number, intervalMs: number): HistoryTier[] {
  const tiers: HistoryTier[] = [];
  for (const windowMs of CHART_WINDOWS_MS) {
    const samples = Math.ceil(windowMs / intervalMs);
    const finer = tiers[tiers.length - 1];
    if (finer && finer.span >= capacity) break;
    const wanted = finer ? Math.max(1, Math.ceil(samples / CHART_ROWS)) : 1;
    const every = finer ? Math.ceil(wanted / finer.every) * finer.every : 1;
    tiers.push({ every, span: Math.min(capacity, samples) });
  }
  // A history longer than the widest window keeps its oldest samples at the coarsest resolution.
  tiers[tiers.length - 1]!.span = capacity;
  return tiers;
}
