// While a drain runs, only its own end or its cancel gives the real server a weight again. An unquiesce or
// a weight edit meanwhile would send it new connections while the drain waits for its last ones, and the
// drain would end as "cancelled" without anyone having cancelled it; so both are refused with 409
// HELD_BY_DRAIN naming the drain and the request that ends it. The web app disables the same controls
// with the same sentence (server-card.tsx, board.heldByDrain).
import {
  AppError,
  destinationId,
  serviceId,
  type DestinationKey,
  type DrainProgress,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import { realServerLabel } from '../changes/index.js';
import { HoldStore } from '../state/index.js';
import { thenText } from './drain-ends.js';

/** The running drains, as this rule needs them (drain-tracker.ts). */
export interface DrainLookup {
  progressOf(key: string): DrainProgress | null;
}

/** What the refused request was trying to do, in the sentence's words. */
export type ReturnAttempt = 'unquiesce' | 'weight';

/** Throws HELD_BY_DRAIN when `dest` is draining; nothing otherwise. */
export function refuseWhileDraining(
  drains: DrainLookup,
  key: ServiceKey,
  dest: DestinationKey,
  attempt: ReturnAttempt,
  now = Date.now(),
): void {
  const sid = serviceId(key);
  const did = destinationId(dest);
  const drain = drains.progressOf(HoldStore.key(sid, did));
  if (!drain) return;
  const age = Math.max(0, Math.round((now - drain.startedAt) / 1000));
  const what = attempt === 'unquiesce' ? 'An unquiesce' : 'A weight edit';
  throw new AppError(
    'HELD_BY_DRAIN',
    `${realServerLabel(key, dest)} is being drained (then ${thenText(drain.then)}, deadline ${drain.deadlineSeconds} s, started by ${drain.by} ${age} s ago). ${what} would send it new connections while the drain waits for its last ones; nothing was changed. Cancel the drain first: DELETE /api/v1/services/${encodeURIComponent(sid)}/destinations/${encodeURIComponent(did)}/drain.`,
    { details: { drain: { then: drain.then, by: drain.by, startedAt: drain.startedAt } } },
  );
}
