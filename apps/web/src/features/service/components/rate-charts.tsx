import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { destinationId } from '@ipvs-dashboard/shared';
import { ActionError } from '../../../components/error-text';
import { Segmented } from '../../../components/segmented';
import { useT } from '../../../lib/i18n/i18n-context';
import type { RateField, ServiceSeries } from '../../../lib/live/series';
import { useThrottled } from '../../../lib/live/use-throttled';
import { serviceSeriesOptions } from '../api/get-history';
import { TOTAL, chartRows } from './chart-rows';
import { RateChart, type ChartLine } from './rate-chart';

const windows = [
  { value: 60_000, label: '1 min' },
  { value: 300_000, label: '5 min' },
  { value: 900_000, label: '15 min' },
] as const;
const emptySeries: ServiceSeries = { total: [], destinations: {} };
const palette = ['var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];

const charts: {
  field: RateField;
  title: 'chart.cps' | 'chart.inPps' | 'chart.outPps' | 'chart.inBps' | 'chart.outBps' | 'chart.active';
  unit: string;
}[] = [
  { field: 'activeConns', title: 'chart.active', unit: '' },
  { field: 'cps', title: 'chart.cps', unit: 'conn/s' },
  { field: 'inPps', title: 'chart.inPps', unit: 'packets/s' },
  { field: 'outPps', title: 'chart.outPps', unit: 'packets/s' },
  { field: 'inBps', title: 'chart.inBps', unit: 'bytes/s' },
  { field: 'outBps', title: 'chart.outBps', unit: 'bytes/s' },
];

/** Live charts for one service: history from the agent on open, then one point per sample. */
export function RateCharts({ service, sid }: { service: ServiceWithDestinations; sid: string }) {
  const t = useT();
  const [windowMs, setWindowMs] = useState<number>(300_000);
  const history = useQuery(serviceSeriesOptions(sid));
  const destinations = useMemo(
    () => service.destinations.map((d) => destinationId(d)),
    [service.destinations],
  );
  const lines: ChartLine[] = useMemo(
    () => [
      { key: TOTAL, label: t('chart.total'), color: 'var(--chart-1)' },
      ...service.destinations.map((destination, index) => ({
        key: destinationId(destination),
        label: destinationId(destination),
        color: palette[index % palette.length] ?? 'var(--chart-2)',
        threshold: destination.upperThreshold,
      })),
    ],
    [service.destinations, t],
  );
  const series = useThrottled(history.data ?? emptySeries, windowMs <= 60_000 ? 1000 : 3000);
  const rowsByField = useMemo(
    () =>
      new Map(charts.map((chart) => [chart.field, chartRows(series, chart.field, windowMs, destinations)])),
    [series, windowMs, destinations],
  );
  return (
    <section className="card" aria-labelledby="charts-heading">
      <div className="card-header">
        <h2 id="charts-heading">{t('chart.title')}</h2>
        <Segmented label={t('chart.window')} options={windows} value={windowMs} onChange={setWindowMs} />
      </div>
      {history.error && <ActionError error={history.error} />}
      {/* One legend for all six charts: the same colour means the same server everywhere. */}
      <ul className="chart-legend" aria-label={t('chart.legend')}>
        {lines.map((line) => (
          <li key={line.key}>
            <span className="legend-swatch" style={{ background: line.color }} aria-hidden="true" />
            {line.label}
          </li>
        ))}
      </ul>
      <div className="charts" data-testid="rate-charts" data-points={series.total.length}>
        {charts.map((chart) => (
          <RateChart
            key={chart.field}
            title={t(chart.title)}
            unit={chart.unit}
            emptyText={t('chart.collecting')}
            rows={rowsByField.get(chart.field) ?? []}
            lines={
              chart.field === 'activeConns' ? lines : lines.map(({ threshold: _threshold, ...line }) => line)
            }
          />
        ))}
      </div>
    </section>
  );
}
