import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { changeQueryOptions } from '../lib/changes/get-change';
import { dismissChangeNotice, useChangeNotice, type ChangeNotice } from '../lib/changes/change-notice';
import { useT } from '../lib/i18n/i18n-context';
import { UndoControl } from './undo-control';
import './change-feedback.css';

/** How long a notice stays when nobody looks at it; focus or the pointer on it keeps it. */
const NOTICE_MS = 10_000;

function NoticeCard({ notice }: { notice: ChangeNotice }) {
  const t = useT();
  const record = useQuery(changeQueryOptions(notice.changeId));
  const ref = useRef<HTMLElement>(null);
  // Asked when the time is up rather than tracked through focus events: a button that goes away (Undo,
  // once done) takes the focus with it without a blur event.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      timer = setTimeout(() => {
        const node = ref.current;
        if (node && (node.contains(document.activeElement) || node.matches(':hover'))) arm();
        else dismissChangeNotice(notice);
      }, NOTICE_MS);
    };
    arm();
    return () => clearTimeout(timer);
  }, [notice]);
  // Zeroed counters cannot come back (the agent has no inverse for them): no Undo to offer.
  const undoable = notice.action !== 'zero' && record.data?.inverse !== null;
  return (
    <section className="change-notice" aria-label={t('notice.label')} data-testid="change-notice" ref={ref}>
      <div role="status" className="change-notice-text">
        <strong>{t(`action.${notice.action}`)}</strong>
        {record.data && <span className="muted">{record.data.summary}</span>}
        {!undoable && <span className="muted">{t('notice.noUndo')}</span>}
      </div>
      {undoable && <UndoControl changeId={notice.changeId} inverse={record.data?.inverse} />}
      <button
        type="button"
        className="link"
        aria-label={t('notice.dismiss')}
        title={t('notice.dismiss')}
        onClick={() => dismissChangeNotice(notice)}
      >
        ✕
      </button>
    </section>
  );
}

/** After a change made in this browser: what it was, and Undo, for about ten seconds. */
export function ChangeNoticeToast() {
  const notice = useChangeNotice();
  return notice ? <NoticeCard key={notice.serial} notice={notice} /> : null;
}
