// How a drain ends, as table and hold changes: the real server removed through the change pipeline (one
// change record, undoable), kept out with its drain hold handed to the operator, or put back (cancel).
import {
  sameDestinationKey,
  type ChangeActor,
  type DestinationKey,
  type DrainThen,
  type HeldOut,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import { realServerLabel, type TableChangeResult } from '../changes/index.js';
import { releaseHold, type HoldDeps } from '../holds/index.js';
import { HoldStore } from '../state/index.js';

export interface DrainTarget {
  key: string;
  service: ServiceKey;
  dest: DestinationKey;
}

/** then: remove: one change (`drain-remove`) deleting the real server; nothing when it is gone already. */
export function removeDrained(
  deps: HoldDeps,
  target: DrainTarget,
  actor: ChangeActor,
  why: string,
): Promise<TableChangeResult> {
  const { service, dest } = target;
  let heldOut: HeldOut[] = [];
  return deps.pipeline.run({
    action: 'drain-remove',
    actor,
    scope: [service],
    plan(before) {
      const present = before.some((s) => s.destinations.some((d) => sameDestinationKey(d, dest)));
      // Its weight before the drain, read before the removal (its hold goes with the row): the record
      // keeps it so an undo brings the server back held out with that weight to give back (undo-holds.ts).
      const held = deps.holds.get(target.key);
      const { service: sid, destination } = HoldStore.parseKey(target.key);
      heldOut = present && held ? [{ service: sid, destination, weight: held.weight }] : [];
      return present ? [{ kind: 'delete-destination', service, destination: dest }] : [];
    },
    heldOut: () => heldOut,
    summary: () => `Drain finished, removed ${realServerLabel(service, dest)}: ${why}`,
  });
}

/**
 * then: keep: the server stays at weight 0 and its drain hold becomes the operator's, so an ordinary
 * unquiesce (or drag back) returns it to its remembered weight. Not a table change: nothing is logged.
 */
export async function keepDrained(
  deps: HoldDeps,
  target: DrainTarget,
  by: string,
  now: number,
): Promise<void> {
  await deps.holds.replace(target.key, 'drain', {
    kind: 'operator',
    since: now,
    reason: `drained (started by ${by}), kept out`,
  });
}

/**
 * Cancel: the drain hold goes; the remembered weight comes back unless another hold (operator, health)
 * remains. A server the agent did not take out (at weight 0 when the drain started) has no drain hold.
 */
export async function releaseDrainHold(
  deps: HoldDeps,
  target: DrainTarget,
  actor: ChangeActor,
): Promise<TableChangeResult | null> {
  if (!deps.holds.holdsOf(target.key).some((h) => h.kind === 'drain')) return null;
  return releaseHold(deps, {
    key: target.service,
    dest: target.dest,
    kind: 'drain',
    actor,
    action: 'drain-cancel',
  });
}

export function thenText(then: DrainThen): string {
  return then === 'remove' ? 'remove it' : 'keep it out';
}
