// The pair view's connection counts: each side's active and inactive connections, and whether the two
// are far apart. The sync daemon copies the master's connection entries to the backup, where they are
// bound to the same real servers and counted the same way, so a syncing backup holds about as many
// entries as its master; a backup with far fewer would drop those connections on failover
// (keepalived issues 1138/1140: a backup silently out of sync).
import type { ServiceWithDestinations } from '../model.js';

export interface ConnectionTotals {
  active: number;
  inactive: number;
  total: number;
}

/** Sums a table's real servers' active and inactive connections (ipvsadm -L's ActiveConn, InActConn). */
export function connectionTotals(
  table: readonly Pick<ServiceWithDestinations, 'destinations'>[],
): ConnectionTotals {
  let active = 0;
  let inactive = 0;
  for (const service of table) {
    for (const destination of service.destinations) {
      active += destination.activeConns;
      inactive += destination.inactiveConns;
    }
  }
  return { active, inactive, total: active + inactive };
}

/** Below this many entries on the fuller side the two are not compared: a few connections come and go. */
export const PAIR_BALANCE_MIN_ENTRIES = 20;
/** The fuller side may hold this share more before it counts as an imbalance: sync lags a little. */
export const PAIR_BALANCE_TOLERANCE = 0.25;

export type PairBalance =
  | { kind: 'too-few' }
  | { kind: 'balanced' }
  | { kind: 'imbalanced'; fewer: 'left' | 'right'; percentFewer: number };

/** Whether the two sides' entry counts are far apart: more than 25% fewer on one, with 20+ on the other. */
export function pairBalance(left: number, right: number): PairBalance {
  const more = Math.max(left, right);
  if (more < PAIR_BALANCE_MIN_ENTRIES) return { kind: 'too-few' };
  const fewer = Math.min(left, right);
  const share = (more - fewer) / more;
  if (share <= PAIR_BALANCE_TOLERANCE) return { kind: 'balanced' };
  return {
    kind: 'imbalanced',
    fewer: left < right ? 'left' : 'right',
    percentFewer: Math.round(share * 100),
  };
}
