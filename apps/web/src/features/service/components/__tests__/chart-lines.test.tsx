import { render } from '@testing-library/react';
import { LineChart, XAxis, YAxis } from 'recharts';
import { describe, expect, it } from 'vitest';
import { ChartLines, linePath } from '../chart-lines';
import type { ChartRow } from '../chart-rows';

const identity = (value: number) => value;
const lines = [
  { key: 'total', label: 'Total', color: 'blue' },
  { key: 'a', label: '10.0.1.1:8080', color: 'red' },
];

function Chart({ rows }: { rows: ChartRow[] }) {
  return (
    <LineChart width={400} height={200} data={rows} margin={{ top: 0, right: 0, bottom: 0, left: 0 }}>
      <XAxis dataKey="at" type="number" domain={[0, 4000]} allowDataOverflow />
      <YAxis domain={[0, 100]} allowDataOverflow />
      <ChartLines rows={rows} lines={lines} />
    </LineChart>
  );
}

/** The x of a path's last point. */
const lastX = (path: Element | null) => Number(/([\d.]+),[\d.]+$/.exec(path?.getAttribute('d') ?? '')?.[1]);

describe('chart-lines', () => {
  it('draws each line through its points in time order, joining over a sample the line lacks', () => {
    const rows: ChartRow[] = [
      { at: 1, total: 10, a: 5 },
      { at: 2, total: 20 },
      { at: 3, total: 30, a: 7 },
    ];
    expect(linePath(rows, 'total', identity, identity)).toBe('M1.0,10.0L2.0,20.0L3.0,30.0');
    expect(linePath(rows, 'a', identity, identity)).toBe('M1.0,5.0L3.0,7.0');
  });

  it('draws nothing for a line with fewer than two points (a line needs two)', () => {
    expect(linePath([{ at: 1, total: 10 }], 'total', identity, identity)).toBe('');
  });

  it('moves every line to the newest sample when one arrives', () => {
    const rows = [
      { at: 1000, total: 40, a: 20 },
      { at: 2000, total: 50, a: 25 },
    ];
    const { container, rerender } = render(<Chart rows={rows} />);
    const total = () => container.querySelector('path.chart-line[data-line="total"]');
    const server = () => container.querySelector('path.chart-line[data-line="a"]');
    expect(container.querySelectorAll('path.chart-line')).toHaveLength(2);
    const before = lastX(total());
    rerender(<Chart rows={[...rows, { at: 3000, total: 60, a: 30 }]} />);
    expect(lastX(total())).toBeGreaterThan(before);
    expect(lastX(server())).toBe(lastX(total()));
  });
});
