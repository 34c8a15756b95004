import { memo } from 'react';

// A tiny SVG line for table rows. Recharts is too heavy for hundreds of rows updated every second; a
// polyline of 60 points is cheap and says the one thing a sparkline must: rising, flat or falling.
interface SparklineProps {
  values: readonly number[];
  label: string;
  width?: number;
  height?: number;
  color?: string;
}

export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map(
      (value, index) =>
        `${(index * step).toFixed(1)},${(height - 1 - ((value - min) / span) * (height - 2)).toFixed(1)}`,
    )
    .join(' ');
}

export const Sparkline = memo(function Sparkline({
  values,
  label,
  width = 96,
  height = 24,
  color = 'var(--chart-1)',
}: SparklineProps) {
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="sparkline">
      <polyline
        points={sparklinePoints(values, width, height)}
        fill="none"
        stroke={color}
        strokeWidth={1.5}
      />
    </svg>
  );
});
