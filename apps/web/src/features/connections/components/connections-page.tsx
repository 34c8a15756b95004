import { useCallback, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ConnectionSortKey } from '@ipvs-dashboard/shared';
import { ActionError } from '../../../components/error-text';
import { formatCount } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import type { ConnectionsView } from '../../../lib/router/connections-route';
import { navigate, replaceRoute } from '../../../lib/router/hash-router';
import { CONNECTIONS_PAGE, connectionsQueryOptions } from '../api/get-connections';
import { ConnectionsFilters } from './connections-filters';
import { ConnectionsTable } from './connections-table';

interface Props {
  service?: string | undefined;
  view: ConnectionsView;
}

/**
 * The connection table, one page at a time. Everything it shows (service, filters, search, sort, page)
 * lives in the URL, so a reload or a shared link opens the same view; the agent filters and sorts.
 */
export function ConnectionsPage({ service, view }: Props) {
  const t = useT();
  const connections = useQuery(connectionsQueryOptions(service, view));
  // The latest view, so that onView stays the same function while the search box waits for a pause.
  const current = useRef({ service, view });
  current.current = { service, view };
  // Any change but paging starts again at page 1: page 7 of another filter is a different list.
  const onView = useCallback((patch: Partial<ConnectionsView>, replace = false) => {
    const { service: sid, view: shown } = current.current;
    const route = {
      screen: 'connections' as const,
      ...(sid ? { serviceId: sid } : {}),
      view: { ...shown, page: undefined, ...patch },
    };
    if (replace) replaceRoute(route);
    else navigate(route);
  }, []);
  const onService = (next: string | undefined) =>
    navigate({
      screen: 'connections',
      ...(next ? { serviceId: next } : {}),
      view: { ...view, destination: undefined, page: undefined },
    });
  const onSort = (column: ConnectionSortKey) =>
    onView(
      view.sort === column
        ? { sort: column, order: view.order === 'desc' ? undefined : 'desc' }
        : { sort: column, order: undefined },
    );
  const total = connections.data?.total ?? 0;
  const page = view.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / CONNECTIONS_PAGE));

  return (
    <>
      <h1>{t('connections.title')}</h1>
      <section className="card">
        <ConnectionsFilters
          service={service}
          view={view}
          seenStates={connections.data?.items.map((item) => item.state) ?? []}
          onService={onService}
          onView={onView}
        />
        <p className="muted" aria-live="polite">
          {t('connections.count', { count: formatCount(total) })}
        </p>
      </section>
      <ActionError error={connections.error} />
      <section className="card table-scroll">
        <ConnectionsTable
          rows={connections.data?.items ?? []}
          sort={view.sort}
          order={view.order ?? 'asc'}
          onSort={onSort}
        />
        {total === 0 && !connections.isPending && <div className="empty">{t('connections.empty')}</div>}
        <div className="row" style={{ marginTop: 12 }}>
          <button type="button" disabled={page <= 1} onClick={() => onView({ page: page - 1 })}>
            {t('connections.previous')}
          </button>
          <span className="muted">{t('connections.page', { page, pages })}</span>
          <button type="button" disabled={page >= pages} onClick={() => onView({ page: page + 1 })}>
            {t('connections.next')}
          </button>
        </div>
      </section>
    </>
  );
}
