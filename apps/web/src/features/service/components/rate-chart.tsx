import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatSi } from '../../../lib/format/format-si';
import { formatClock, formatDay, formatDayTime } from '../../../lib/format/format-time';
import type { ChangeMarker } from '../api/get-service-changes';
import type { ChartRow } from './chart-rows';
import { TOTAL } from './chart-rows';
import { dataMax, xScale, yScale } from './chart-scale';
import './rate-chart.css';

export interface ChartLine {
  key: string;
  label: string;
  color: string;
  /** An upper threshold drawn as a dashed line in the server's colour (active-connections chart only). */
  threshold?: number;
  /** Its label on the line ("10.0.1.1:8080 max 2,000"), and at the top edge when it is above the scale. */
  thresholdLabel?: string;
  offScaleLabel?: string;
}

interface RateChartProps {
  title: string;
  unit: string;
  rows: ChartRow[];
  lines: ChartLine[];
  /** The chosen time window: the x-axis spans all of it. */
  windowMs: number;
  /** Shown until two samples exist (a line needs two points). */
  emptyText: string;
  /** The service's changes, drawn as dotted vertical lines; hovering one tells what changed. */
  markers?: readonly ChangeMarker[];
  /** Where the x-axis ends; default the newest row (the live charts follow their samples). */
  end?: number | undefined;
  /** A long range: where Prometheus's data gives way to the agent's own, marked by a dashed line. */
  join?: { at: number; label: string } | null;
  /** Dates on the axis instead of clock times (ranges over a day). */
  showDates?: boolean;
}

interface LineEnds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A dotted line with a wider invisible one over it to hover, and an SVG title for the browser's tooltip. */
function markerShape(text: string) {
  return function Marker({ x1, y1, x2, y2 }: LineEnds) {
    return (
      <g className="change-marker" data-testid="change-marker">
        <title>{text}</title>
        <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="var(--text-muted)" strokeDasharray="2 3" />
        <circle cx={x1} cy={Math.min(y1, y2)} r={3} fill="var(--text-muted)" />
        <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="transparent" strokeWidth={10} />
      </g>
    );
  };
}

/** One chart: the total in bold, each real server thin, optional threshold lines. No animation: data moves every second. */
export const RateChart = memo(function RateChart({
  title,
  unit,
  rows,
  lines,
  windowMs,
  emptyText,
  markers,
  end,
  join,
  showDates = false,
}: RateChartProps) {
  const { x, y } = useMemo(() => {
    return {
      x: xScale(end ?? rows[rows.length - 1]?.at ?? Date.now(), windowMs),
      y: yScale(
        dataMax(
          rows,
          lines.map((line) => line.key),
        ),
      ),
    };
  }, [rows, lines, windowMs, end]);
  // Days: dates; hours: hours and minutes; the live minutes: seconds too. A point's tooltip of a long range
  // names its day as well.
  const tickText = showDates
    ? formatDay
    : windowMs > 900_000
      ? (at: number) => formatClock(at).slice(0, 5)
      : formatClock;
  const pointText = windowMs > 900_000 ? formatDayTime : formatClock;
  const thresholds = lines.filter((line) => line.threshold !== undefined && line.threshold > 0);
  const offScale = thresholds.filter((line) => (line.threshold ?? 0) > y.top);
  return (
    <figure className="chart-card" style={{ margin: 0 }}>
      <figcaption>
        <h3>
          <span>{title}</span>
          <span className="muted">{unit}</span>
        </h3>
      </figcaption>
      <div style={{ width: '100%', height: 200, position: 'relative' }}>
        {rows.length < 2 && (
          <div className="chart-empty muted" role="status">
            {emptyText}
          </div>
        )}
        {offScale.length > 0 && (
          <ul className="chart-off-scale" data-testid="off-scale-thresholds">
            {offScale.map((line) => (
              <li key={line.key} style={{ color: line.color }}>
                {line.offScaleLabel}
              </li>
            ))}
          </ul>
        )}
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              className="chart-x-axis"
              dataKey="at"
              type="number"
              domain={x.domain}
              ticks={x.ticks}
              allowDataOverflow
              tickFormatter={(value: number) => tickText(value)}
              stroke="var(--text-muted)"
              fontSize={11}
              minTickGap={56}
            />
            <YAxis
              domain={[0, y.top]}
              ticks={y.ticks}
              allowDataOverflow
              tickFormatter={(value: number) => formatSi(value)}
              stroke="var(--text-muted)"
              fontSize={11}
              width={48}
            />
            <Tooltip
              labelFormatter={(value) => pointText(Number(value))}
              formatter={(value) => `${formatSi(Number(value))}${unit ? ` ${unit}` : ''}`}
              contentStyle={{
                background: 'var(--surface)',
                border: '1px solid var(--border)',
                color: 'var(--text)',
              }}
            />
            {lines.map((line) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={line.label}
                stroke={line.color}
                strokeWidth={line.key === TOTAL ? 2.5 : 1.5}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
            ))}
            {thresholds
              .filter((line) => (line.threshold ?? 0) <= y.top)
              .map((line) => (
                <ReferenceLine
                  key={`${line.key}-threshold`}
                  y={line.threshold}
                  stroke={line.color}
                  strokeDasharray="6 4"
                  ifOverflow="hidden"
                  label={{
                    value: line.thresholdLabel,
                    fill: line.color,
                    fontSize: 11,
                    position: 'insideTopRight',
                  }}
                />
              ))}
            {join && (
              <ReferenceLine
                x={join.at}
                stroke="var(--text-muted)"
                strokeDasharray="6 3"
                strokeWidth={1.5}
                ifOverflow="hidden"
                label={{
                  value: join.label,
                  fill: 'var(--text-muted)',
                  fontSize: 11,
                  position: 'insideTopLeft',
                }}
                className="chart-join"
              />
            )}
            {markers?.map((marker) => (
              <ReferenceLine
                key={`change-${marker.id}`}
                x={marker.at}
                shape={markerShape(`${formatClock(marker.at)}  ${marker.text}`)}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
