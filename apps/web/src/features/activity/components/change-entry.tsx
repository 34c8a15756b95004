import { memo, useMemo, useState, type ReactNode } from 'react';
import type { ChangeActor, ChangeRecord } from '@ipvs-dashboard/shared';
import { PlanDetails } from '../../../components/plan-details';
import { UndoControl } from '../../../components/undo-control';
import { formatDateTime } from '../../../lib/format/format-date-time';
import { useT, type Translate } from '../../../lib/i18n/i18n-context';
import { routeHref } from '../../../lib/router/hash-router';
import { changeDiff, settingDiff } from './change-diff';

/** Lines shown before "show all": a restore of a large table is thousands of commands and rows. */
const FIRST_LINES = 12;

function actorText(t: Translate, actor: ChangeActor): string {
  return actor.type === 'api' ? t('actor.api', { name: actor.name }) : t(`actor.${actor.type}`);
}

/** The rest of a long list, built only once opened: a restore of 1,000 services is 11,000 rows. */
function ShowAll({ count, children }: { count: number; children: () => ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('activity.showAll', { count })}</summary>
      {open && children()}
    </details>
  );
}

function Commands({ commands }: { commands: readonly string[] }) {
  const t = useT();
  if (commands.length === 0) return null;
  const first = commands.slice(0, FIRST_LINES);
  return (
    <div className="command-preview">
      <div className="command-label">{t('activity.commands')}</div>
      <pre className="command">{first.join('\n')}</pre>
      {commands.length > first.length && (
        <ShowAll count={commands.length}>
          {() => <pre className="command">{commands.slice(FIRST_LINES).join('\n')}</pre>}
        </ShowAll>
      )}
    </div>
  );
}

/** One change: when, who, what, how it ended, its commands, the rows old -> new, and Undo where there is one. */
export const ChangeEntry = memo(function ChangeEntry({ record }: { record: ChangeRecord }) {
  const t = useT();
  const details = useMemo(() => {
    const setting = settingDiff(record);
    return [...changeDiff(record), ...(setting ? [setting] : [])];
  }, [record]);
  const undoable = record.status === 'applied' && record.inverse !== null && record.inverse.length > 0;
  return (
    <article className="card change-entry" data-testid="change-entry" data-change-id={record.id}>
      <header className="row">
        <time dateTime={new Date(record.at).toISOString()} className="mono muted">
          {formatDateTime(record.at)}
        </time>
        <span className="chip">{t(`action.${record.action}`)}</span>
        <span className={`chip status-${record.status}`}>{t(`status.${record.status}`)}</span>
        <span className="muted">{t('activity.by', { actor: actorText(t, record.actor) })}</span>
        <span className="spacer" />
        {undoable && <UndoControl changeId={record.id} inverse={record.inverse} />}
      </header>
      <p className="change-summary">{record.summary}</p>
      {record.error && <p className="field-error">{record.error}</p>}
      {record.revertOf && <p className="muted">{t('activity.revertOf', { id: record.revertOf })}</p>}
      {record.services.length > 0 && (
        <ul className="change-services">
          {record.services.map((sid) => (
            <li key={sid}>
              <a
                className="mono"
                href={routeHref({ screen: 'activity', service: sid })}
                title={t('activity.filterService', { service: sid })}
              >
                {sid}
              </a>
            </li>
          ))}
        </ul>
      )}
      <Commands commands={record.commands} />
      {details.length > 0 && (
        <div className="change-diff">
          <div className="command-label">{t('activity.diff')}</div>
          <PlanDetails details={details.slice(0, FIRST_LINES)} />
          {details.length > FIRST_LINES && (
            <ShowAll count={details.length}>
              {() => <PlanDetails details={details.slice(FIRST_LINES)} limit={details.length} />}
            </ShowAll>
          )}
        </div>
      )}
    </article>
  );
});
