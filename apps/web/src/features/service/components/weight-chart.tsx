import { memo, useMemo } from 'react';
import { formatCount } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import type { WeightSeries } from '../../../lib/live/weight-series';
import type { ChangeMarker } from '../api/get-service-changes';
import { RateChart, type ChartLine } from './rate-chart';
import type { ChartRow } from './chart-rows';
import { currentWeights } from './weight-rows';

interface WeightChartProps {
  /** The rows to draw (weight-rows.ts), over the window ending at the newest sample or the range's end. */
  rows: ChartRow[];
  /** The steps the rows were made from: the text alternative names each server's weight now. */
  weights: WeightSeries;
  /** The real servers' lines, in the colours of the rate charts (no total: weights do not add up). */
  lines: ChartLine[];
  windowMs: number;
  markers: readonly ChangeMarker[];
  emptyText: string;
  showDates: boolean;
}

/**
 * Each real server's weight over the window as a step line: a slow-start ramp is a staircase, a quiesce or a
 * health hold a drop to 0. Its rows are only the changes and the window's ends (weight-rows.ts), so it
 * costs the page little beside the rate charts; a screen reader gets every server's weight now.
 */
export const WeightChart = memo(function WeightChart({ rows, weights, lines, ...rest }: WeightChartProps) {
  const t = useT();
  const list = useMemo(() => {
    const now = currentWeights(
      weights,
      lines.map((line) => line.key),
    );
    return lines
      .filter((line) => now.has(line.key))
      .map((line) => t('chart.weightOf', { server: line.label, weight: formatCount(now.get(line.key) ?? 0) }))
      .join(', ');
  }, [weights, lines, t]);
  return (
    <RateChart
      {...rest}
      testId="weight-chart"
      className="chart-wide"
      title={t('chart.weight')}
      unit=""
      rows={rows}
      lines={lines}
      end={rows[rows.length - 1]?.at}
      step
      description={t('chart.weightNow', { list: list || t('chart.weightNone') })}
    />
  );
});
