import type { Destination } from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';
import { holdsText } from './hold-text';

/** The health dot of a real server card; its title says the last check's outcome. */
export function HealthDot({ destination }: { destination: Destination }) {
  const t = useT();
  const health = destination.health;
  const state = health?.state ?? 'disabled';
  const last = health?.lastResult;
  const label = t(`server.health.${state}`);
  const title = last
    ? `${label}; ${t('server.health.last', { detail: last.detail, ms: Math.round(last.ms) })}`
    : label;
  return (
    <span
      className={`health-dot health-${state}`}
      role="img"
      aria-label={label}
      title={title}
      data-testid="health"
      data-state={state}
    />
  );
}

/** "held by: health (connect refused, 12 s)": why a real server is out of rotation, when it is held. */
export function HeldBy({ destination }: { destination: Destination }) {
  const t = useT();
  const holds = destination.holds ?? [];
  if (holds.length === 0) return null;
  return (
    <p className="held-by" data-testid="held-by">
      {t('server.heldBy', { holds: holdsText(holds, t, Date.now()) })}
    </p>
  );
}
