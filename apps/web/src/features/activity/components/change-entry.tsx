import { memo } from 'react';
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

function Commands({ commands }: { commands: readonly string[] }) {
  const t = useT();
  if (commands.length === 0) return null;
  const first = commands.slice(0, FIRST_LINES);
  return (
    <div className="command-preview">
      <div className="command-label">{t('activity.commands')}</div>
      <pre className="command">{first.join('\n')}</pre>
      {commands.length > first.length && (
        <details>
          <summary>{t('activity.showAll', { count: commands.length })}</summary>
          <pre className="command">{commands.slice(FIRST_LINES).join('\n')}</pre>
        </details>
      )}
    </div>
  );
}

/** One change: when, who, what, how it ended, its commands, the rows old -> new, and Undo where there is one. */
export const ChangeEntry = memo(function ChangeEntry({ record }: { record: ChangeRecord }) {
  const t = useT();
  const setting = settingDiff(record);
  const details = [...changeDiff(record), ...(setting ? [setting] : [])];
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
          <PlanDetails details={details} limit={FIRST_LINES} />
        </div>
      )}
    </article>
  );
});
