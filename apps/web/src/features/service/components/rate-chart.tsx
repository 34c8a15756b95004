import { memo, useMemo } from 'react';
import { LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatSi } from '../../../lib/format/format-si';
import { formatClock } from '../../../lib/format/format-time';
import type { ChangeMarker } from '../api/get-service-changes';
import type { ChartRow } from './chart-rows';
import { ChartLines, ChartTooltip } from './chart-lines';
import { dataMax, xScale, yScale } from './chart-scale';
import {
  StableGrid,
  StableReferenceLine,
  chartMargin,
  pointFormatter,
  sameNumbers,
  siTick,
  tickFormatter,
  tooltipStyle,
  useSameWhile,
} from './stable-chart-parts';
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
  /** Step lines (a value that holds until it changes, as a weight) instead of straight segments. */
  step?: boolean;
  /** The chart's text alternative (what its lines end at), for screen readers. */
  description?: string;
  testId?: string;
  /** Added to the card's class (the weight chart spans the whole row: `chart-wide`). */
  className?: string;
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

/**
 * One chart: the total in bold, each real server thin (chart-lines.tsx), optional threshold lines. No
 * animation: data moves every second.
 */
export const RateChart = memo(function RateChart(props: RateChartProps) {
  return (
    <figure
      className={props.className ? `chart-card ${props.className}` : 'chart-card'}
      style={{ margin: 0 }}
      data-testid={props.testId}
    >
      <figcaption>
        <h3>
          <span>{props.title}</span>
          <span className="muted">{props.unit}</span>
        </h3>
        {props.description ? <p className="visually-hidden">{props.description}</p> : null}
      </figcaption>
      <ChartPlot {...props} />
    </figure>
  );
});

/** What a chart draws, below its caption. */
const ChartPlot = memo(function ChartPlot({
  unit,
  rows,
  lines,
  windowMs,
  emptyText,
  markers,
  end,
  join,
  showDates = false,
  step = false,
}: RateChartProps) {
  const keys = useMemo(() => lines.map((line) => line.key), [lines]);
  const newest = end ?? rows[rows.length - 1]?.at ?? Date.now();
  const x = xScale(newest, windowMs);
  // The same tick and axis objects while their values stay (they change every 5-15 s, the data every second).
  const xTicks = useSameWhile(x.ticks, sameNumbers);
  const xDomain = useSameWhile(x.domain, sameNumbers);
  const top = yScale(dataMax(rows, keys)).top;
  const y = useMemo(() => yScale(top), [top]);
  const yDomain = useMemo(() => [0, y.top], [y]);
  const tickText = tickFormatter(windowMs, showDates);
  const pointText = pointFormatter(windowMs);
  const valueText = useMemo(
    () => (value: unknown) => `${formatSi(Number(value))}${unit ? ` ${unit}` : ''}`,
    [unit],
  );
  const thresholds = useMemo(
    () => lines.filter((line) => line.threshold !== undefined && line.threshold > 0),
    [lines],
  );
  const offScale = thresholds.filter((line) => (line.threshold ?? 0) > y.top);
  const thresholdLabels = useMemo(
    () =>
      new Map(
        thresholds.map((line) => [
          line.key,
          { value: line.thresholdLabel, fill: line.color, fontSize: 11, position: 'insideTopRight' as const },
        ]),
      ),
    [thresholds],
  );
  const joinLabel = useMemo(
    () =>
      join
        ? { value: join.label, fill: 'var(--text-muted)', fontSize: 11, position: 'insideTopLeft' as const }
        : null,
    [join?.label],
  );
  const markerShapes = useMemo(
    () =>
      (markers ?? []).map((marker) => ({
        marker,
        shape: markerShape(`${formatClock(marker.at)}  ${marker.text}`),
      })),
    [markers],
  );
  return (
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
        <LineChart data={rows} margin={chartMargin}>
          <StableGrid stroke="var(--grid)" vertical={false} />
          <XAxis
            className="chart-x-axis"
            dataKey="at"
            type="number"
            domain={xDomain}
            ticks={xTicks}
            allowDataOverflow
            tickFormatter={tickText}
            stroke="var(--text-muted)"
            fontSize={11}
            minTickGap={56}
          />
          <YAxis
            domain={yDomain}
            ticks={y.ticks}
            allowDataOverflow
            tickFormatter={siTick}
            stroke="var(--text-muted)"
            fontSize={11}
            width={48}
          />
          <ChartTooltip
            rows={rows}
            lines={lines}
            pointText={pointText}
            valueText={valueText}
            style={tooltipStyle}
          />
          <ChartLines rows={rows} lines={lines} step={step} />
          {thresholds
            .filter((line) => (line.threshold ?? 0) <= y.top)
            .map((line) => (
              <StableReferenceLine
                key={`${line.key}-threshold`}
                y={line.threshold}
                stroke={line.color}
                strokeDasharray="6 4"
                ifOverflow="hidden"
                label={thresholdLabels.get(line.key)}
              />
            ))}
          {join && joinLabel && (
            <StableReferenceLine
              x={join.at}
              stroke="var(--text-muted)"
              strokeDasharray="6 3"
              strokeWidth={1.5}
              ifOverflow="hidden"
              label={joinLabel}
              className="chart-join"
            />
          )}
          {markerShapes.map(({ marker, shape }) => (
            <StableReferenceLine key={`change-${marker.id}`} x={marker.at} shape={shape} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
