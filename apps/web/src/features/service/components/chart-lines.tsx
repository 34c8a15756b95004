import { memo } from 'react';
import { Tooltip, useIsTooltipActive, useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartRow } from './chart-rows';
import { TOTAL } from './chart-rows';

// The lines of a rate chart, drawn as one SVG path each from the chart's own axes. Recharts' <Line> is
// some twenty components per line (clip paths, label lists, dots, animation wrappers) and re-renders all of
// them on every new sample: with eleven lines, six charts and a sample a second that was most of the
// service page's main-thread time (bench:ui, docs/benchmarks/ui.md). Here a new sample is one render per
// chart and one `d` attribute per line.

export interface DrawnLine {
  key: string;
  label: string;
  color: string;
}

type Scale = (value: number) => number | undefined;

/**
 * The path through a line's points, left to right; a row without the line's value is skipped and the line
 * joins its neighbours (as connectNulls did). Empty with fewer than two points.
 */
export function linePath(rows: readonly ChartRow[], key: string, x: Scale, y: Scale): string {
  let path = '';
  let points = 0;
  for (const row of rows) {
    const value = row[key];
    if (value === undefined || !Number.isFinite(value)) continue;
    const px = x(row.at);
    const py = y(value);
    if (px === undefined || py === undefined) continue;
    path += `${points === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`;
    points += 1;
  }
  return points >= 2 ? path : '';
}

/**
 * The same as a step line (a weight holds until the next change): across at the old value, then up or down
 * to the new one, so a ramp reads as a staircase and not as a slope nobody set.
 */
export function stepPath(rows: readonly ChartRow[], key: string, x: Scale, y: Scale): string {
  let path = '';
  let points = 0;
  for (const row of rows) {
    const value = row[key];
    if (value === undefined || !Number.isFinite(value)) continue;
    const px = x(row.at);
    const py = y(value);
    if (px === undefined || py === undefined) continue;
    path += points === 0 ? `M${px.toFixed(1)},${py.toFixed(1)}` : `H${px.toFixed(1)}V${py.toFixed(1)}`;
    points += 1;
  }
  return points >= 2 ? path : '';
}

/** A line's last value and how many different values it steps through, left to right (data-* for tests). */
export function lineSteps(
  rows: readonly ChartRow[],
  key: string,
): { last: number | undefined; steps: number } {
  let last: number | undefined;
  let steps = 0;
  for (const row of rows) {
    const value = row[key];
    if (value === undefined) continue;
    if (value !== last) steps += 1;
    last = value;
  }
  return { last, steps };
}

/** Every line of one chart; the total drawn last, on top and thicker. `step`: step lines (weights). */
export const ChartLines = memo(function ChartLines({
  rows,
  lines,
  step = false,
}: {
  rows: readonly ChartRow[];
  lines: readonly DrawnLine[];
  step?: boolean;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const ordered = [
    ...lines.filter((line) => line.key !== TOTAL),
    ...lines.filter((line) => line.key === TOTAL),
  ];
  return (
    <g className="chart-lines">
      {ordered.map((line) => {
        const d = (step ? stepPath : linePath)(rows, line.key, x, y);
        const drawn = step ? lineSteps(rows, line.key) : null;
        return d ? (
          <path
            key={line.key}
            className="chart-line"
            data-line={line.key}
            data-last={drawn?.last}
            data-steps={drawn?.steps}
            d={d}
            fill="none"
            stroke={line.color}
            strokeWidth={line.key === TOTAL ? 2.5 : 1.5}
            strokeLinejoin="round"
          />
        ) : null;
      })}
    </g>
  );
});

interface TooltipContentProps {
  active?: boolean;
  label?: unknown;
  rows: readonly ChartRow[];
  lines: readonly DrawnLine[];
  pointText: (value: unknown) => string;
  valueText: (value: unknown) => string;
  style: React.CSSProperties;
}

/** The hovered sample: its time and every line's value there, in the lines' colours. */
export function PointValues({
  active,
  label,
  rows,
  lines,
  pointText,
  valueText,
  style,
}: TooltipContentProps) {
  if (!active || label === undefined) return null;
  const at = Number(label);
  const row = rows.find((candidate) => candidate.at === at);
  if (!row) return null;
  return (
    <div className="chart-tooltip" style={{ padding: '6px 10px', ...style }} data-testid="chart-tooltip">
      <p style={{ margin: '0 0 4px' }}>{pointText(at)}</p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {lines.map((line) =>
          row[line.key] === undefined ? null : (
            <li key={line.key} style={{ color: line.color }}>
              {line.label} : {valueText(row[line.key])}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

const shownStyle: React.CSSProperties = { visibility: 'visible' };

/**
 * Recharts' tooltip (its cursor line, placement and keyboard use) around PointValues. Recharts hides the box
 * when no <Line> gave it values, and these lines are not <Line>s: shown here while the tooltip is active.
 */
export function ChartTooltip(props: Omit<TooltipContentProps, 'active' | 'label'>) {
  const active = useIsTooltipActive();
  return (
    <Tooltip
      wrapperStyle={active ? shownStyle : undefined}
      isAnimationActive={false}
      content={({ active: shown, label }) => <PointValues {...props} active={shown} label={label} />}
    />
  );
}
