import { memo, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { Sparkline } from '../../../components/sparkline';
import { formatCount, formatRate, formatSeconds, formatSi } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import type { MessageKey } from '../../../lib/i18n/catalogue';
import { overviewSeriesOptions } from '../../../lib/live/series-queries';
import type { RatePoint } from '../../../lib/live/series';
import { routeHref } from '../../../lib/router/hash-router';
import { addressLabel, protocolLabel } from '../../../lib/table/service-label';
import { sortAndFilter, toRows, type ServiceRow, type SortColumn, type SortState } from './sort-services';

// Large tables render a page at a time: an operator filters to what matters, and 1,000 rows of
// sparklines redrawn every second would keep the main thread busy.
const PAGE_SIZE = 50;
const columns: { column: SortColumn; label: MessageKey; numeric: boolean }[] = [
  { column: 'service', label: 'overview.col.service', numeric: false },
  { column: 'scheduler', label: 'overview.col.scheduler', numeric: false },
  { column: 'servers', label: 'overview.col.servers', numeric: true },
  { column: 'active', label: 'overview.col.active', numeric: true },
  { column: 'inactive', label: 'overview.col.inactive', numeric: true },
  { column: 'cps', label: 'overview.col.cps', numeric: false },
  { column: 'pps', label: 'overview.col.pps', numeric: false },
  { column: 'bps', label: 'overview.col.bps', numeric: false },
];

function pick(points: readonly RatePoint[] | undefined, read: (point: RatePoint) => number): number[] {
  return points ? points.map(read) : [];
}

const ServiceRowView = memo(function ServiceRowView({
  row,
  points,
}: {
  row: ServiceRow;
  points: RatePoint[] | undefined;
}) {
  const t = useT();
  const { service } = row;
  const stats = service.stats;
  const flags = service.schedulerFlags.length ? ` (${service.schedulerFlags.join(',')})` : '';
  return (
    <tr>
      <td>
        <span className="chip">{protocolLabel(service.key)}</span>{' '}
        <a className="service-link mono" href={routeHref({ screen: 'service', serviceId: row.id })}>
          {addressLabel(service.key)}
        </a>{' '}
        <span className="chip">{service.family === 'inet6' ? 'IPv6' : 'IPv4'}</span>
      </td>
      <td>
        <span className="mono">{service.scheduler + flags}</span>
        {service.persistence > 0 && (
          <div className="muted">
            {t('overview.persistent', { time: formatSeconds(service.persistence) })}
          </div>
        )}
      </td>
      <td className="num">
        {service.destinations.length}
        {row.overloaded > 0 && (
          <div>
            <span className="chip chip-warn" data-testid="overloaded-count">
              {t('overview.overloaded', { count: row.overloaded })}
            </span>
          </div>
        )}
      </td>
      <td className="num">{formatCount(row.active)}</td>
      <td className="num">{formatCount(row.inactive)}</td>
      <td>
        <div className="spark-cell">
          <Sparkline values={pick(points, (p) => p.cps)} label={t('overview.col.cps')} />
          <span className="num">{formatRate(stats.cps, 'conns', t('unit.conns'))}</span>
        </div>
      </td>
      <td>
        <div className="spark-cell">
          <Sparkline
            values={pick(points, (p) => p.inPps + p.outPps)}
            label={t('overview.col.pps')}
            color="var(--chart-3)"
          />
          <span className="num" title={t('overview.inOut')}>
            {formatSi(stats.inPps)} / {formatRate(stats.outPps, 'packets', t('unit.packets'))}
          </span>
        </div>
      </td>
      <td>
        <div className="spark-cell">
          <Sparkline
            values={pick(points, (p) => p.inBps + p.outBps)}
            label={t('overview.col.bps')}
            color="var(--chart-2)"
          />
          <span className="num" title={t('overview.inOut')}>
            {formatSi(stats.inBps)} / {formatRate(stats.outBps, 'bytes', t('unit.bytes'))}
          </span>
        </div>
      </td>
    </tr>
  );
});

export function ServicesTable({ services }: { services: readonly ServiceWithDestinations[] }) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortState>({ column: 'service', direction: 'asc' });
  const [pages, setPages] = useState(1);
  const { data: series } = useQuery(overviewSeriesOptions());
  const rows = useMemo(() => sortAndFilter(toRows(services), filter, sort), [services, filter, sort]);
  const shown = rows.slice(0, pages * PAGE_SIZE);

  const toggleSort = (column: SortColumn) =>
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: column === 'service' || column === 'scheduler' ? 'asc' : 'desc' },
    );

  return (
    <section className="card" aria-labelledby="services-heading">
      <div className="card-header">
        <h2 id="services-heading">{t('overview.services', { count: rows.length })}</h2>
        <input
          type="search"
          aria-label={t('overview.filter')}
          placeholder={t('overview.filterPlaceholder')}
          aria-keyshortcuts="/"
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
            setPages(1);
          }}
        />
      </div>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              {columns.map(({ column, label, numeric }) => (
                <th
                  key={column}
                  className={numeric ? 'num' : undefined}
                  aria-sort={
                    sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                  }
                >
                  <button type="button" onClick={() => toggleSort(column)}>
                    {t(label)}
                    {sort.column === column ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <ServiceRowView key={row.id} row={row} points={series?.[row.id]} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <div className="empty">{services.length === 0 ? t('overview.empty') : t('overview.noMatch')}</div>
        )}
      </div>
      {rows.length > shown.length && (
        <div className="row" style={{ marginTop: 12 }}>
          <button type="button" onClick={() => setPages((count) => count + 1)}>
            {t('overview.showMore', { shown: shown.length, total: rows.length })}
          </button>
        </div>
      )}
    </section>
  );
}
