import './columns-chooser.css';
import { useT } from '../lib/i18n/i18n-context';
import { useStatColumnChoice } from '../lib/table/stat-column-choice';
import { statColumns } from '../lib/table/stat-columns';

/**
 * Which of ipvsadm's numbers to show: connections, --rate and --stats. Opens in place (no pop-over), so
 * on a phone it wraps under the heading instead of running off the screen.
 */
export function ColumnsChooser() {
  const t = useT();
  const [chosen, setShown] = useStatColumnChoice();
  return (
    <details className="columns-chooser">
      <summary>{t('columns.choose', { count: chosen.length })}</summary>
      <fieldset>
        <legend>{t('columns.legend')}</legend>
        {statColumns.map((column) => (
          <label key={column.id} title={column.ipvsadm}>
            <input
              type="checkbox"
              checked={chosen.includes(column.id)}
              onChange={(event) => setShown(column.id, event.target.checked)}
            />
            {t(column.label)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
