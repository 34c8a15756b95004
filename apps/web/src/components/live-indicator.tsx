import { formatClock } from '../lib/format/format-time';
import { useT } from '../lib/i18n/i18n-context';
import { useLiveStatus, useRejectedFrames } from '../lib/live/use-live-status';
import { useRetrySeconds } from '../lib/live/use-retry-seconds';

/** Connected, reconnecting (with a countdown), or stale since when: the operator must know if numbers are live. */
export function LiveIndicator() {
  const t = useT();
  const status = useLiveStatus();
  const rejected = useRejectedFrames();
  const seconds = useRetrySeconds(status);
  const text =
    status.kind === 'connected'
      ? t('live.connected')
      : status.kind === 'connecting'
        ? t('live.connecting')
        : t('live.stale', { since: formatClock(status.staleSince), seconds });
  return (
    <>
      <span
        className={`live live-${status.kind}`}
        role="status"
        aria-live="polite"
        data-testid="live-status"
        data-state={status.kind}
      >
        <span className="dot" aria-hidden="true" />
        {text}
      </span>
      {rejected && (
        <span className="live live-reconnecting" role="alert" data-testid="rejected-frames">
          {t('live.rejected', { count: rejected.count, kind: rejected.lastKind })}
        </span>
      )}
    </>
  );
}
