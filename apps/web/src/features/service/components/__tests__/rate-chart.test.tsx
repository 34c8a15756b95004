import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RateChart, type ChartLine } from '../rate-chart';

const rows = [
  { at: 1000, total: 120, a: 70 },
  { at: 2000, total: 130, a: 60 },
];

function line(threshold: number): ChartLine {
  return {
    key: 'a',
    label: '10.0.1.1:8080',
    color: 'red',
    threshold,
    thresholdLabel: `10.0.1.1:8080 max ${threshold}`,
    offScaleLabel: `↑ 10.0.1.1:8080 max ${threshold}, above this scale`,
  };
}

function renderChart(lines: ChartLine[]) {
  return render(
    <RateChart
      title="Active connections"
      unit=""
      rows={rows}
      lines={lines}
      windowMs={60_000}
      emptyText="…"
    />,
  );
}

describe('rate-chart', () => {
  it('marks a threshold far above the data at the top edge instead of stretching the axis to it', () => {
    renderChart([{ key: 'total', label: 'Total', color: 'blue' }, line(2000)]);
    expect(screen.getByTestId('off-scale-thresholds')).toHaveTextContent(
      '↑ 10.0.1.1:8080 max 2000, above this scale',
    );
  });

  it('draws a threshold within the data scale as a line, with no edge mark', () => {
    renderChart([{ key: 'total', label: 'Total', color: 'blue' }, line(140)]);
    expect(screen.queryByTestId('off-scale-thresholds')).toBeNull();
  });
});
