import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { destinationId } from '@ipvs-dashboard/shared';
import { ActionError } from '../../../components/error-text';
import { Segmented } from '../../../components/segmented';
import { formatCount } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import type { ServiceSeries } from '../../../lib/live/series';
import { useStaggered } from '../../../lib/live/use-staggered';
import { useThrottled } from '../../../lib/live/use-throttled';
import { serviceSeriesOptions } from '../api/get-history';
import { serviceChangesOptions, type ChangeMarker } from '../api/get-service-changes';
import { TOTAL, chartRows, downsampleRows, type ChartField } from './chart-rows';
import { RateChart, type ChartLine } from './rate-chart';
import './change-markers.css';

const windowMinutes = [1, 5, 15] as const;
const emptySeries: ServiceSeries = { total: [], destinations: {} };
const noMarkers: ChangeMarker[] = [];
/** Between one chart's redraw and the next (see useStaggered): six charts in well under a second. */
const CHART_GAP_MS = 60;
/** Rows a chart draws at most: the 1 min window in full, 5 and 15 min as means of 3 and 9 samples. */
const MAX_CHART_ROWS = 100;
const palette = ['var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];

const charts: {
  field: ChartField;
  title: 'chart.cps' | 'chart.inPps' | 'chart.outPps' | 'chart.inBps' | 'chart.outBps' | 'chart.connections';
  unit: 'unit.conns' | 'unit.packets' | 'unit.bytes' | null;
}[] = [
  // Active + inactive, not active alone: the kernel's thresholds count both (the threshold lines go here).
  { field: 'connections', title: 'chart.connections', unit: null },
  { field: 'cps', title: 'chart.cps', unit: 'unit.conns' },
  { field: 'inPps', title: 'chart.inPps', unit: 'unit.packets' },
  { field: 'outPps', title: 'chart.outPps', unit: 'unit.packets' },
  { field: 'inBps', title: 'chart.inBps', unit: 'unit.bytes' },
  { field: 'outBps', title: 'chart.outBps', unit: 'unit.bytes' },
];

/** Live charts for one service: history from the agent on open, then one point per sample. */
export function RateCharts({ service, sid }: { service: ServiceWithDestinations; sid: string }) {
  const t = useT();
  const [windowMs, setWindowMs] = useState<number>(300_000);
  const history = useQuery(serviceSeriesOptions(sid));
  // Changes since the widest window's start when the page opened; the charts drop markers older than their window.
  const [since] = useState(() => Date.now() - Math.max(...windowMinutes) * 60_000);
  const markers = useQuery(serviceChangesOptions(sid, since)).data ?? noMarkers;
  // Every sample brings a new destinations array with the same servers in it: key the memos on what the
  // charts draw (ids and thresholds), or all six charts redraw every second whatever the throttle says.
  const serverSpec = service.destinations.map((d) => `${destinationId(d)} ${d.upperThreshold}`).join('\n');
  const servers = useMemo(
    () =>
      serverSpec
        ? serverSpec.split('\n').map((line) => {
            const [id = '', threshold = '0'] = line.split(' ');
            return { id, threshold: Number(threshold) };
          })
        : [],
    [serverSpec],
  );
  const destinations = useMemo(() => servers.map((server) => server.id), [servers]);
  const lines: ChartLine[] = useMemo(
    () => [
      { key: TOTAL, label: t('chart.total'), color: 'var(--chart-1)' },
      ...servers.map((server, index) => ({
        key: server.id,
        label: server.id,
        color: palette[index % palette.length] ?? 'var(--chart-2)',
        threshold: server.threshold,
        thresholdLabel: t('chart.threshold', { server: server.id, value: formatCount(server.threshold) }),
        offScaleLabel: t('chart.thresholdAbove', { server: server.id, value: formatCount(server.threshold) }),
      })),
    ],
    [servers, t],
  );
  const linesWithoutThresholds = useMemo(
    () => lines.map(({ key, label, color }) => ({ key, label, color })),
    [lines],
  );
  const series = useThrottled(history.data ?? emptySeries, windowMs <= 60_000 ? 1000 : 3000);
  const rowsOfCharts = useMemo(
    () =>
      charts.map((chart) =>
        downsampleRows(chartRows(series, chart.field, windowMs, destinations), MAX_CHART_ROWS),
      ),
    [series, windowMs, destinations],
  );
  const shownRows = useStaggered(rowsOfCharts, CHART_GAP_MS);
  return (
    <section className="card" aria-labelledby="charts-heading">
      <div className="card-header">
        <h2 id="charts-heading">{t('chart.title')}</h2>
        <Segmented
          label={t('chart.window')}
          options={windowMinutes.map((minutes) => ({
            value: minutes * 60_000,
            label: t('chart.minutes', { minutes }),
          }))}
          value={windowMs}
          onChange={setWindowMs}
        />
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
        {markers.length > 0 && (
          <li>
            <span className="legend-marker" aria-hidden="true" />
            {t('chart.changes')}
          </li>
        )}
      </ul>
      <div
        className="charts"
        data-testid="rate-charts"
        // What every chart on screen draws, the last one included (they take new rows one after another).
        data-points={Math.min(...shownRows.map((rows) => rows.length))}
      >
        {charts.map((chart, index) => (
          <RateChart
            key={chart.field}
            title={t(chart.title)}
            unit={chart.unit ? t(chart.unit) : ''}
            emptyText={t('chart.collecting')}
            rows={shownRows[index] ?? []}
            windowMs={windowMs}
            lines={chart.field === 'connections' ? lines : linesWithoutThresholds}
            markers={markers}
          />
        ))}
      </div>
    </section>
  );
}
