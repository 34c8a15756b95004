// The rise/fall rule of keepalived and HAProxy: a real server changes state only after `rise` successes
// (or `fall` failures) in a row, so one lost packet does not take it out and one lucky answer does not
// bring it back. Pure: the health monitor feeds it results and acts on the transitions it returns.
import type { HealthState } from '@ipvs-dashboard/shared';

export interface CheckCounter {
  state: Exclude<HealthState, 'disabled'>;
  /** When it entered `state`, ms since the epoch. */
  since: number;
  /** Results in a row of the same outcome (successes when the last was ok, failures otherwise). */
  streak: number;
  lastOk: boolean | null;
}

export type Transition = 'up' | 'down' | null;

/** A new real server starts unknown; one the agent left held by its health check starts down. */
export function initialCounter(at: number, heldByHealth: boolean): CheckCounter {
  return { state: heldByHealth ? 'down' : 'unknown', since: at, streak: 0, lastOk: null };
}

/** The counter after one more result, and the transition it makes (null: none). */
export function afterResult(
  counter: CheckCounter,
  ok: boolean,
  limits: { rise: number; fall: number },
  at: number,
): { counter: CheckCounter; transition: Transition } {
  const streak = counter.lastOk === ok ? counter.streak + 1 : 1;
  const target = ok ? 'up' : 'down';
  const needed = ok ? limits.rise : limits.fall;
  if (counter.state !== target && streak >= needed) {
    return { counter: { state: target, since: at, streak, lastOk: ok }, transition: target };
  }
  return { counter: { ...counter, streak, lastOk: ok }, transition: null };
}
