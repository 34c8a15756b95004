import { formatClock } from '../lib/format/format-time';
import { useT } from '../lib/i18n/i18n-context';
import type { LiveStatus } from '../lib/live/live-socket';
import { useRetrySeconds } from '../lib/live/use-retry-seconds';

/** Over every screen while the live feed is lost: in words, the agent cannot be reached, and how old the numbers are. */
export function UnreachableNotice({ status }: { status: LiveStatus }) {
  const t = useT();
  const seconds = useRetrySeconds(status);
  if (status.kind !== 'reconnecting') return null;
  return (
    <div className="notice" role="alert" data-testid="unreachable">
      <div>
        <strong>{t('unreachable.title')}</strong>{' '}
        {t('unreachable.body', { since: formatClock(status.staleSince), seconds })}
      </div>
    </div>
  );
}
