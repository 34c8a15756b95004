import { memo, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { ColumnsChooser } from '../../../components/columns-chooser';
import { formatSeconds } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import type { MessageKey } from '../../../lib/i18n/catalogue';
import { overviewSeriesOptions } from '../../../lib/live/series-queries';
import type { RatePoint } from '../../../lib/live/series';
import { routeHref } from '../../../lib/router/hash-router';
import { addressLabel, protocolLabel } from '../../../lib/table/service-label';
import { useStatColumnChoice } from '../../../lib/table/stat-column-choice';
import { statColumn, type StatColumn, type StatColumnId } from '../../../lib/table/stat-columns';
import { sortAndFilter, toRows, type ServiceRow, type SortColumn, type SortState } from './sort-services';
import { StatCell } from './stat-cell';

// Large tables render a page at a time: an operator filters to what matters, and 1,000 rows of
// sparklines redrawn every second would keep the main thread busy.
const PAGE_SIZE = 50;
const fixedColumns: { column: SortColumn; label: MessageKey; numeric: boolean }[] = [
  { column: 'service', label: 'overview.col.service', numeric: false },
  { column: 'scheduler', label: 'overview.col.scheduler', numeric: false },
  { column: 'servers', label: 'overview.col.servers', numeric: true },
];
const defaultSort: SortState = { column: 'service', direction: 'asc' };

const ServiceRowView = memo(function ServiceRowView({
  row,
  points,
  shown,
}: {
  row: ServiceRow;
  points: RatePoint[] | undefined;
  shown: readonly StatColumn[];
}) {
  const t = useT();
  const { service } = row;
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
      {shown.map((column) => (
        <StatCell key={column.id} column={column} row={row} points={points} />
      ))}
    </tr>
  );
});

function SortHeader({
  column,
  sort,
  numeric,
  title,
  onSort,
  children,
}: {
  column: SortColumn;
  sort: SortState;
  numeric: boolean;
  title?: string;
  onSort: (column: SortColumn) => void;
  children: React.ReactNode;
}) {
  const sorted = sort.column === column;
  return (
    <th
      className={numeric ? 'num' : undefined}
      title={title}
      aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" onClick={() => onSort(column)}>
        {children}
        {sorted ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
}

export function ServicesTable({ services }: { services: readonly ServiceWithDestinations[] }) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const [chosen] = useStatColumnChoice();
  const shownColumns = useMemo(() => chosen.map(statColumn), [chosen]);
  const [chosenSort, setSort] = useState<SortState>(defaultSort);
  // A hidden column sorts nothing: the order would follow numbers nobody can see.
  const sort =
    fixedColumns.some(({ column }) => column === chosenSort.column) ||
    chosen.includes(chosenSort.column as StatColumnId)
      ? chosenSort
      : defaultSort;
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
        <ColumnsChooser />
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
              {fixedColumns.map(({ column, label, numeric }) => (
                <SortHeader key={column} column={column} sort={sort} numeric={numeric} onSort={toggleSort}>
                  {t(label)}
                </SortHeader>
              ))}
              {shownColumns.map((column) => (
                <SortHeader
                  key={column.id}
                  column={column.id}
                  sort={sort}
                  numeric
                  title={column.ipvsadm}
                  onSort={toggleSort}
                >
                  {t(column.label)}
                </SortHeader>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <ServiceRowView key={row.id} row={row} points={series?.[row.id]} shown={shownColumns} />
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
