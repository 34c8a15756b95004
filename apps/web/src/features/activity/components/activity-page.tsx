import { useInfiniteQuery } from '@tanstack/react-query';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import type { ChangeSource } from '../../../lib/router/hash-router';
import { changesInfiniteOptions } from '../api/get-changes';
import { ActivityFilters } from './activity-filters';
import { ChangeEntry } from './change-entry';
import './activity.css';

/** Every change, newest first; a change frame on the live socket refreshes it (lib/live/live-feed.ts). */
export function ActivityPage({ service, source }: { service?: string; source?: ChangeSource }) {
  const t = useT();
  const filter = { ...(service ? { service } : {}), ...(source ? { source } : {}) };
  const changes = useInfiniteQuery(changesInfiniteOptions(filter));
  const records = changes.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = service !== undefined || source !== undefined;
  return (
    <>
      <div className="card">
        <div className="card-header">
          <h1>{t('activity.title')}</h1>
        </div>
        <p className="muted">{t('activity.hint')}</p>
        <ActivityFilters {...filter} />
      </div>
      <ActionError error={changes.error} />
      {changes.isPending ? (
        <div className="empty">{t('common.loading')}</div>
      ) : records.length === 0 ? (
        <div className="card empty">{t(filtered ? 'activity.emptyFiltered' : 'activity.empty')}</div>
      ) : (
        <ol className="activity-list" aria-label={t('activity.title')}>
          {records.map((record) => (
            <li key={record.id}>
              <ChangeEntry record={record} />
            </li>
          ))}
        </ol>
      )}
      {changes.hasNextPage && (
        <div className="row">
          <button
            type="button"
            disabled={changes.isFetchingNextPage}
            onClick={() => void changes.fetchNextPage()}
          >
            {changes.isFetchingNextPage ? t('common.loading') : t('activity.more')}
          </button>
        </div>
      )}
    </>
  );
}
