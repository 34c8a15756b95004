import type { PlanDetail, PlanField } from '@ipvs-dashboard/shared';
import { hasMessage } from '../lib/i18n/catalogue';
import { useT } from '../lib/i18n/i18n-context';
import './change-feedback.css';

// Rows a change adds, edits or removes, each with old -> new of every field that differs: the import's
// dry-run plan (RestorePlan.details) and the Activity page's before/after use the same view.
const tunnelFields = new Set(['tunnelType', 'tunnelPort', 'tunnelChecksum']);

/** A new or removed real server lists every field; its tunnel fields mean nothing unless it tunnels. */
function shownFields(detail: PlanDetail): PlanField[] {
  if (detail.action === 'edit' || detail.destination === undefined) return detail.fields;
  const forwarding = detail.fields.find((field) => field.field === 'forwarding');
  const tunnels = (forwarding?.to ?? forwarding?.from) === 'tunnel';
  return tunnels ? detail.fields : detail.fields.filter((field) => !tunnelFields.has(field.field));
}

function FieldChange({ field }: { field: PlanField }) {
  const t = useT();
  const key = `field.${field.field}`;
  const name = hasMessage(key) ? t(key) : field.field;
  return (
    <li>
      <span className="muted">{name}</span>{' '}
      {field.from !== null && field.to !== null ? (
        <span className="mono">
          <del>{field.from}</del> → <ins>{field.to}</ins>
        </span>
      ) : (
        <span className="mono">{field.to ?? field.from}</span>
      )}
    </li>
  );
}

export function PlanDetails({ details, limit = 50 }: { details: readonly PlanDetail[]; limit?: number }) {
  const t = useT();
  if (details.length === 0) return null;
  const shown = details.slice(0, limit);
  return (
    <ul className="plan-details">
      {shown.map((detail) => (
        <li
          key={`${detail.action} ${detail.service} ${detail.destination ?? ''}`}
          data-action={detail.action}
        >
          <span className={`chip plan-${detail.action}`}>{t(`plan.${detail.action}`)}</span>{' '}
          <span className="mono">
            {detail.destination ? `${detail.service} → ${detail.destination}` : detail.service}
          </span>
          <ul className="plan-fields">
            {shownFields(detail).map((field) => (
              <FieldChange key={field.field} field={field} />
            ))}
          </ul>
        </li>
      ))}
      {details.length > shown.length && (
        <li className="muted">{t('plan.more', { count: details.length - shown.length })}</li>
      )}
    </ul>
  );
}
