import { destinationId, type Destination, type Hold } from '@ipvs-dashboard/shared';
import type { Translate } from '../../../lib/i18n/i18n-context';

/** How long ago, as the card says it: seconds up to 2 minutes, then minutes up to 2 hours, then hours. */
export function ageText(since: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

/** "health (connect refused, 12 s); operator (quiesced by admin, 3 min)" */
export function holdsText(holds: readonly Hold[], t: Translate, now: number): string {
  return holds
    .map((hold) =>
      t('hold.item', { kind: t(`hold.${hold.kind}`), reason: hold.reason, age: ageText(hold.since, now) }),
    )
    .join('; ');
}

/**
 * Why a draining server can be neither unquiesced nor given a weight: the agent's 409 HELD_BY_DRAIN
 * (drain/drain-refusal.ts) in the user's language, shown on the controls it disables; null when not draining.
 */
export function drainRefusalText(destination: Destination, t: Translate): string | null {
  const drain = destination.drain;
  if (!drain) return null;
  return t('server.heldByDrain', {
    server: destinationId(destination),
    then: t(`drain.then.${drain.then}`),
    by: drain.by,
  });
}
