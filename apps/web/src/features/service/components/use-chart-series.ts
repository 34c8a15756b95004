import { useQuery } from '@tanstack/react-query';
import type { ServiceSeries } from '../../../lib/live/series';
import type { WeightSeries } from '../../../lib/live/weight-series';
import { useThrottled } from '../../../lib/live/use-throttled';
import { serviceSeriesOptions } from '../api/get-history';
import { rangeSeriesOptions } from '../api/get-range-history';
import type { ChartWindow } from './chart-window';

const emptySeries: ServiceSeries = { total: [], destinations: {}, weights: {} };

/**
 * How often the live charts take new points: every 2 s on the 1-minute window, every 3 s on the longer ones.
 * The rates come from the kernel's counters, which it folds in every 2 s, so a redraw every second showed
 * half of them unmoved; drawing seven charts every second cost the 1-minute page about a third of its
 * main-thread time (bench:ui). The numbers on the cards still move with every sample.
 */
function redrawEveryMs(windowMs: number): number {
  return windowMs <= 60_000 ? 2000 : 3000;
}

export interface ChartSeries {
  series: ServiceSeries;
  /** Where the x-axis ends: the newest sample (live), or the range's end. */
  end: number | undefined;
  /** Where Prometheus's data gives way to the agent's own; null when all of it is one or the other. */
  joinAt: number | null;
  error: unknown;
  loading: boolean;
  /** Each real server's weight steps from the agent's own memory (also under a long range: Prometheus has none). */
  weights: WeightSeries;
  /** The newest live sample's time: where the live part of the weight steps ends. */
  liveEnd: number | undefined;
}

/** The series the charts draw for a range: the live cache (history + feed), or a range from Prometheus. */
export function useChartSeries(sid: string, range: ChartWindow): ChartSeries {
  const live = useQuery(serviceSeriesOptions(sid));
  const long = useQuery({
    ...rangeSeriesOptions(sid, range.kind === 'live' ? { kind: 'long', key: '1h', windowMs: 0 } : range),
    enabled: range.kind !== 'live',
  });
  const liveSeries = useThrottled(live.data ?? emptySeries, redrawEveryMs(range.windowMs));
  const weights = liveSeries.weights;
  const liveEnd = liveSeries.total[liveSeries.total.length - 1]?.at;
  if (range.kind === 'live') {
    return {
      series: liveSeries,
      end: undefined,
      joinAt: null,
      error: live.error,
      loading: false,
      weights,
      liveEnd,
    };
  }
  return {
    weights,
    liveEnd,
    series: long.data?.series ?? emptySeries,
    end: long.data?.to,
    joinAt: long.data?.joinAt ?? null,
    error: long.error,
    loading: long.isFetching && !long.data,
  };
}
