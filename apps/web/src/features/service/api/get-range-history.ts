import { queryOptions } from '@tanstack/react-query';
import { historyRangeResponseSchema } from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';
import type { ServiceSeries } from '../../../lib/live/series';
import type { ChartWindow } from '../components/chart-window';
import { toServiceSeries } from './get-history';

/** A long range as the charts draw it: the series, where the agent's own data starts, the range's ends. */
export interface RangeSeries {
  series: ServiceSeries;
  joinAt: number | null;
  from: number;
  to: number;
  stepMs: number;
}

function rangeQuery(range: Exclude<ChartWindow, { kind: 'live' }>): string {
  return range.kind === 'long' ? `range=${range.key}` : `from=${range.from}&to=${range.to}`;
}

/**
 * GET /history/range: Prometheus's part and the agent's own joined at `joinAt`. A named range ends now, so
 * it is asked again every minute; a chosen one is fixed.
 */
export function rangeSeriesOptions(sid: string, range: Exclude<ChartWindow, { kind: 'live' }>) {
  const query = rangeQuery(range);
  return queryOptions({
    queryKey: ['series', 'range', sid, query] as const,
    queryFn: async (): Promise<RangeSeries> => {
      const body = historyRangeResponseSchema.parse(
        await api.get<unknown>(`/history/range?service=${encodeURIComponent(sid)}&${query}`),
      );
      return {
        series: toServiceSeries({ intervalMs: body.stepMs, services: body.services }, sid),
        joinAt: body.joinAt,
        from: body.from,
        to: body.to,
        stepMs: body.stepMs,
      };
    },
    staleTime: range.kind === 'long' ? 30_000 : Infinity,
    refetchInterval: range.kind === 'long' ? 60_000 : false,
    retry: false,
  });
}
