import { memo, useMemo } from 'react';
import { formatCount } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import type { WeightSeries } from '../../../lib/live/weight-series';
import type { ChangeMarker } from '../api/get-service-changes';
import { RateChart, type ChartLine } from './rate-chart';
import { currentWeights, weightRows } from './weight-rows';

interface WeightChartProps {
  weights: WeightSeries;
  /** The real servers' lines, in the colours of the rate charts (no total: weights do not add up). */
  lines: ChartLine[];
  windowMs: number;
  /** Where the x-axis ends: the newest sample (live) or the long range's end. */
  end: number;
  markers: readonly ChangeMarker[];
  emptyText: string;
  showDates: boolean;
}

/**
 * Each real server's weight over the window as a step line: a slow-start ramp is a staircase, a quiesce or a
 * health hold a drop to 0. Its rows are only the changes (weight-rows.ts), so it costs the page next to
 * nothing between them; a screen reader gets every server's weight now.
 */
export const WeightChart = memo(function WeightChart({
  weights,
  lines,
  end,
  windowMs,
  ...rest
}: WeightChartProps) {
  const t = useT();
  const keys = useMemo(() => lines.map((line) => line.key), [lines]);
  const rows = useMemo(() => weightRows(weights, keys, windowMs, end), [weights, keys, windowMs, end]);
  const now = currentWeights(weights, keys);
  const list = lines
    .filter((line) => now.has(line.key))
    .map((line) => t('chart.weightOf', { server: line.label, weight: formatCount(now.get(line.key) ?? 0) }))
    .join(', ');
  return (
    <RateChart
      {...rest}
      testId="weight-chart"
      title={t('chart.weight')}
      unit=""
      rows={rows}
      lines={lines}
      windowMs={windowMs}
      end={end}
      step
      description={t('chart.weightNow', { list: list || t('chart.weightNone') })}
    />
  );
});
