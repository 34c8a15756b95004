import type { DrainProgress } from '@ipvs-dashboard/shared';
import { leftOf } from '@ipvs-dashboard/shared';
import { ActionError } from '../../../components/error-text';
import { formatCount, formatSeconds } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import { useCancelDrain } from '../api/drain-destination';

/** How far it has come: the share of what was there at the start that is gone (0 while it grows). */
export function drainedShare(drain: DrainProgress): number {
  const atStart = leftOf(drain.atStart);
  if (atStart === 0) return 1;
  return Math.min(1, Math.max(0, 1 - drain.left / atStart));
}

const roundSeconds = (seconds: number) => formatSeconds(Math.max(0, Math.round(seconds)));

/** A running drain on its real server's card: a bar, the counts, the pace, the estimate, and Cancel. */
export function DrainProgressView({ sid, did, drain }: { sid: string; did: string; drain: DrainProgress }) {
  const t = useT();
  const cancel = useCancelDrain(sid);
  const share = drainedShare(drain);
  const toDeadline = (drain.deadlineAt - drain.updatedAt) / 1000;
  const estimate =
    drain.secondsLeft === null
      ? t('drain.noEstimate', { deadline: roundSeconds(toDeadline) })
      : drain.endsBy === 'drained'
        ? t('drain.estimate', { time: roundSeconds(drain.secondsLeft) })
        : t('drain.byDeadline', { deadline: roundSeconds(toDeadline) });
  return (
    <section className="drain-progress" data-testid="drain-progress" aria-label={t('drain.title')}>
      <div className="drain-progress-head">
        <strong>{t(drain.then === 'remove' ? 'drain.title.remove' : 'drain.title.keep')}</strong>
        <button
          type="button"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(did)}
          data-testid="drain-cancel"
        >
          {t('drain.cancel')}
        </button>
      </div>
      <progress
        max={1}
        value={share}
        aria-valuetext={t('drain.share', { percent: Math.round(share * 100) })}
        data-testid="drain-bar"
      />
      <p className="drain-counts" data-testid="drain-counts">
        {t('drain.counts', {
          left: formatCount(drain.left),
          atStart: formatCount(leftOf(drain.atStart)),
          active: formatCount(drain.now.active),
          inactive: formatCount(drain.now.inactive),
          templates: formatCount(drain.now.templates),
        })}
      </p>
      <p className="drain-estimate" data-testid="drain-estimate">
        {drain.perSecond !== null && drain.perSecond > 0
          ? `${t('drain.pace', { perSecond: drain.perSecond.toFixed(1) })} · `
          : ''}
        {estimate}
      </p>
      <ActionError error={cancel.error} />
    </section>
  );
}
