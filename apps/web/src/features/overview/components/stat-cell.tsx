import './stat-cell.css';
import { Sparkline } from '../../../components/sparkline';
import { useT } from '../../../lib/i18n/i18n-context';
import type { RatePoint } from '../../../lib/live/series';
import { exactText, type StatColumn, type StatColumnId } from '../../../lib/table/stat-columns';
import type { ServiceRow } from './sort-services';

// The overview's rate columns carry the sparkline of the same rate (the history the agent keeps).
interface Trend {
  read: (point: RatePoint) => number;
  color?: string;
  inOut?: boolean;
}
const trends: Partial<Record<StatColumnId, Trend>> = {
  cps: { read: (p) => p.cps },
  pps: { read: (p) => p.inPps + p.outPps, color: 'var(--chart-3)', inOut: true },
  bps: { read: (p) => p.inBps + p.outBps, color: 'var(--chart-2)', inOut: true },
};

/** One number of a service row, right-aligned; a since-zero counter's exact value is its tooltip. */
export function StatCell({
  column,
  row,
  points,
}: {
  column: StatColumn;
  row: ServiceRow;
  points: readonly RatePoint[] | undefined;
}) {
  const t = useT();
  const text = column.text(row, t);
  const trend = trends[column.id];
  if (!trend) {
    return (
      <td className="num" data-column={column.id} title={exactText(column, row) ?? undefined}>
        {text}
      </td>
    );
  }
  return (
    <td className="num" data-column={column.id}>
      <div className="spark-cell">
        <Sparkline
          values={points ? points.map(trend.read) : []}
          label={t(column.label)}
          color={trend.color}
        />
        <span className="num" title={trend.inOut ? t('overview.inOut') : undefined}>
          {text}
        </span>
      </div>
    </td>
  );
}
