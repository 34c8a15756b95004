import './server-counters.css';
import type { Destination } from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';
import { useStatColumnChoice } from '../../../lib/table/stat-column-choice';
import { exactText, statColumn, type StatColumnId } from '../../../lib/table/stat-columns';

// The card always shows these (server-card.tsx); the chooser adds the rest.
const alwaysOnCard: readonly StatColumnId[] = ['active', 'inactive', 'cps'];

/** A real server's chosen numbers, as the overview shows them for services: rates and since-zero counters. */
export function ServerCounters({ destination }: { destination: Destination }) {
  const t = useT();
  const [chosen] = useStatColumnChoice();
  const subject = {
    active: destination.activeConns,
    inactive: destination.inactiveConns,
    stats: destination.stats,
  };
  const extra = chosen.filter((id) => !alwaysOnCard.includes(id)).map(statColumn);
  if (extra.length === 0) return null;
  return (
    <dl className="server-counters">
      {extra.map((column) => (
        <div key={column.id} data-column={column.id} title={column.ipvsadm}>
          <dt>{t(column.label)}</dt>
          <dd className="num" title={exactText(column, subject) ?? undefined}>
            {column.text(subject, t)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
