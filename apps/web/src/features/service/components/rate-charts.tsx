import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { destinationId } from '@ipvs-dashboard/shared';
import { ActionError } from '../../../components/error-text';
import { formatCount } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import { useStaggered } from '../../../lib/live/use-staggered';
import { infoQueryOptions } from '../../../lib/table/get-info';
import { serviceChangesOptions, type ChangeMarker } from '../api/get-service-changes';
import { TOTAL, chartRows, downsampleRows, type ChartField } from './chart-rows';
import { axisShowsDates, chartWindow, liveWindows, type ChartWindow } from './chart-window';
import { RangePicker } from './range-picker';
import { RateChart, type ChartLine } from './rate-chart';
import { useChartSeries } from './use-chart-series';
import { WeightChart } from './weight-chart';
import { liveWeightEnd, weightRows } from './weight-rows';
import './change-markers.css';

const noMarkers: ChangeMarker[] = [];
/** Between one chart's redraw and the next (see useStaggered): seven charts in well under a second. */
const CHART_GAP_MS = 60;
/** Rows a chart draws at most: the 1 min range in full, 5 and 15 min as means of 3 and 9 samples. */
const MAX_CHART_ROWS = 100;
/** A long range comes fitted to a few hundred steps by the agent (shared fitStep): drawn as it comes. */
const MAX_RANGE_ROWS = 400;
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

/**
 * Charts for one service: the live windows from the agent's history and feed (one point per sample), and
 * with Prometheus behind the agent the long ranges, joined to the live data at a dashed line. Last, each
 * real server's weight as steps (weight-chart.tsx).
 */
export function RateCharts({ service, sid }: { service: ServiceWithDestinations; sid: string }) {
  const t = useT();
  const [range, setRange] = useState<ChartWindow>(() => chartWindow('5m'));
  const windowMs = range.windowMs;
  const withPrometheus = Boolean(useQuery(infoQueryOptions()).data?.prometheus);
  const history = useChartSeries(sid, range);
  // Changes since the widest live range's start when the page opened; the charts drop markers older than their range.
  const [since] = useState(() => Date.now() - liveWindows['15m']);
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
  const serverLines = useMemo(
    () => linesWithoutThresholds.filter((line) => line.key !== TOTAL),
    [linesWithoutThresholds],
  );
  const { series } = history;
  const maxRows = range.kind === 'live' ? MAX_CHART_ROWS : MAX_RANGE_ROWS;
  const rowsOfCharts = useMemo(
    () =>
      charts.map((chart) => downsampleRows(chartRows(series, chart.field, windowMs, destinations), maxRows)),
    [series, windowMs, destinations, maxRows],
  );
  // The same object between renders: a new one each time would redraw every chart on every staggered step.
  const joinAt = history.joinAt;
  const join = useMemo(
    () => (joinAt === null ? null : { at: joinAt, label: t('chart.liveFrom') }),
    [joinAt, t],
  );
  // The weight chart's rows: only its changes and the window's ends; a chosen range ends where the rate
  // charts do, the live window moves in slots unless a weight changes (liveWeightEnd).
  const weightEnd = history.end ?? liveWeightEnd(history.weights, history.liveEnd ?? 0, windowMs);
  const weightChartRows = useMemo(
    () => weightRows(history.weights, destinations, windowMs, weightEnd),
    [history.weights, destinations, windowMs, weightEnd],
  );
  // Seven charts, each redrawn in its own task (the weight chart last).
  const allRows = useMemo(() => [...rowsOfCharts, weightChartRows], [rowsOfCharts, weightChartRows]);
  const staggered = useStaggered(allRows, CHART_GAP_MS);
  const shownRows = staggered.slice(0, charts.length);
  const shownWeightRows = staggered[charts.length] ?? weightChartRows;
  return (
    <section className="card" aria-labelledby="charts-heading">
      <div className="card-header">
        <h2 id="charts-heading">{t('chart.title')}</h2>
        <RangePicker range={range} onChange={setRange} withPrometheus={withPrometheus} />
      </div>
      {history.error ? <ActionError error={history.error} /> : null}
      {/* One legend for all six charts: the same colour means the same server everywhere. */}
      <ul className="chart-legend" aria-label={t('chart.legend')}>
        {lines.map((line) => (
          <li key={line.key}>
            <span className="legend-swatch" style={{ background: line.color }} aria-hidden="true" />
            {line.label}
          </li>
        ))}
        {join && (
          <li>
            <span className="legend-join" aria-hidden="true" />
            {t('chart.join')}
          </li>
        )}
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
        data-join={join?.at ?? ''}
      >
        {charts.map((chart, index) => (
          <RateChart
            key={chart.field}
            title={t(chart.title)}
            unit={chart.unit ? t(chart.unit) : ''}
            emptyText={t(
              range.kind === 'live' ? 'chart.collecting' : history.loading ? 'chart.asking' : 'chart.noData',
            )}
            rows={shownRows[index] ?? []}
            windowMs={windowMs}
            lines={chart.field === 'connections' ? lines : linesWithoutThresholds}
            markers={markers}
            end={history.end}
            join={join}
            showDates={axisShowsDates(windowMs)}
          />
        ))}
        <WeightChart
          rows={shownWeightRows}
          weights={history.weights}
          lines={serverLines}
          windowMs={windowMs}
          markers={markers}
          emptyText={t('chart.collecting')}
          showDates={axisShowsDates(windowMs)}
        />
      </div>
    </section>
  );
}
