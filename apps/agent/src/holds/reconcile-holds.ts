// At start the agent compares the holds it remembers with the table it finds, so a restart never leaves a
// real server out of rotation without a reason it knows, and says what it found (log and GET /info).
import {
  destinationIdOf,
  serviceIdOf,
  type HoldsAtStart,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { HoldStore, type HeldServer } from '../state/index.js';

/**
 * kept: held and at weight 0, as left. forgotten: the table moved on while the agent was away (the server
 * is gone, or has a weight again: the table wins). unheld: weight 0 with no hold the agent knows of (set by
 * ipvsadm or another tool); reported, not touched, since the agent has no weight to give back.
 */
export function reconcileHolds(
  table: readonly ServiceWithDestinations[],
  held: ReadonlyMap<string, HeldServer>,
): HoldsAtStart {
  const weights = new Map<string, number>();
  for (const service of table) {
    const sid = serviceIdOf(service);
    for (const dest of service.destinations)
      weights.set(HoldStore.key(sid, destinationIdOf(dest)), dest.weight);
  }
  const result: HoldsAtStart = { kept: [], forgotten: [], unheld: [] };
  for (const [key, server] of held) {
    const weight = weights.get(key);
    const row = { ...HoldStore.parseKey(key), holds: server.holds };
    if (weight === 0) result.kept.push(row);
    else
      result.forgotten.push({
        ...row,
        why: weight === undefined ? 'gone from the table' : `has weight ${weight} in the table`,
      });
  }
  for (const [key, weight] of weights) {
    if (weight === 0 && !held.has(key)) result.unheld.push(HoldStore.parseKey(key));
  }
  return result;
}

/** Applies what reconcileHolds found (forgets the holds the table moved past) and returns it. */
export async function reconcileAtStart(
  table: readonly ServiceWithDestinations[],
  store: HoldStore,
): Promise<HoldsAtStart> {
  const held = new Map(store.keys().map((key) => [key, store.get(key)!] as const));
  const found = reconcileHolds(table, held);
  for (const row of found.forgotten) await store.forget(HoldStore.key(row.service, row.destination));
  return found;
}

/** One line per finding, for the log. */
export function describeHoldsAtStart(found: HoldsAtStart): string[] {
  const kinds = (holds: readonly { kind: string }[]) => holds.map((h) => h.kind).join('+');
  return [
    `holds at start: ${found.kept.length} real server(s) still held (${found.kept.map((r) => `${r.destination} in ${r.service} by ${kinds(r.holds)}`).join(', ') || 'none'})`,
    ...found.forgotten.map(
      (r) => `hold forgotten: ${r.destination} in ${r.service} (${kinds(r.holds)}) ${r.why}`,
    ),
    ...found.unheld.map(
      (r) =>
        `weight 0 without a hold: ${r.destination} in ${r.service} was set to 0 outside the agent; left as it is`,
    ),
  ];
}
