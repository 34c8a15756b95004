// A change to the table as "these rows were X and became Y", applied to whatever the table holds now.
// One rule serves undo (Y -> X), crash recovery (rollback to X, resume to Y) and the conflict check of an
// undo: only the services and real servers that differ between X and Y are touched; everything else,
// including rows of the same service that the change did not touch, stays as it is now.
import { destinationId, serviceId } from '../ids.js';
import type { SavableDestination, SavableService } from '../ipvsadm-format/save-table.js';
import { sameDestinationSettings, sameServiceSettings } from '../ipvsadm-format/plan-restore.js';

export interface PatchedRows {
  /** serviceId() of every service the patch touches, in the order of `from` then `to`. */
  services: string[];
  /** Those services as they are now (absent ones left out): the table a plan starts from. */
  current: SavableService[];
  /** Those services as the patch leaves them (removed ones left out): the table a plan aims at. */
  target: SavableService[];
}

function byId(rows: readonly SavableService[]): Map<string, SavableService> {
  return new Map(rows.map((row) => [serviceId(row.key), row] as const));
}

function destinationsById(row: SavableService | undefined): Map<string, SavableDestination> {
  return new Map((row?.destinations ?? []).map((dest) => [destinationId(dest), dest] as const));
}

const sameDestination = (a: SavableDestination | undefined, b: SavableDestination | undefined) =>
  a === undefined || b === undefined ? a === b : sameDestinationSettings(a, b);

function unionOfIds<T>(a: Map<string, T>, b: Map<string, T>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])];
}

/** The service a touched row becomes: `to`'s settings where they changed, `to`'s real servers where they changed. */
function patchService(now: SavableService | undefined, from: SavableService | undefined, to: SavableService) {
  if (!from || !now) return to;
  const settingsFrom = sameServiceSettings(from, to) ? now : to;
  const destinations = destinationsById(now);
  const fromDests = destinationsById(from);
  const toDests = destinationsById(to);
  for (const did of unionOfIds(fromDests, toDests)) {
    const before = fromDests.get(did);
    const after = toDests.get(did);
    if (sameDestination(before, after)) continue;
    if (after) destinations.set(did, after);
    else destinations.delete(did);
  }
  const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = settingsFrom;
  return {
    key: to.key,
    scheduler,
    schedulerFlags,
    persistence,
    netmask,
    persistenceEngine,
    onePacket,
    destinations: [...destinations.values()],
  };
}

/** What the services a patch from -> to touches are now, and what they become once it is applied. */
export function patchRows(
  table: readonly SavableService[],
  from: readonly SavableService[],
  to: readonly SavableService[],
): PatchedRows {
  const nowById = byId(table);
  const fromById = byId(from);
  const toById = byId(to);
  const services = unionOfIds(fromById, toById);
  const current: SavableService[] = [];
  const target: SavableService[] = [];
  for (const sid of services) {
    const now = nowById.get(sid);
    const wanted = toById.get(sid);
    if (now) current.push(now);
    if (wanted) target.push(patchService(now, fromById.get(sid), wanted));
  }
  return { services, current, target };
}

function describeDestination(dest: SavableDestination | undefined): string {
  return dest ? `weight ${dest.weight}, ${dest.forwarding}` : 'absent';
}

/**
 * Where the table no longer holds what the patch expects to find (`from`), named for people: the rows an
 * undo would overwrite although someone changed them since. Empty when the undo is safe.
 */
export function patchConflicts(
  table: readonly SavableService[],
  from: readonly SavableService[],
  to: readonly SavableService[],
): string[] {
  const nowById = byId(table);
  const fromById = byId(from);
  const toById = byId(to);
  const conflicts: string[] = [];
  for (const sid of unionOfIds(fromById, toById)) {
    const expected = fromById.get(sid);
    const wanted = toById.get(sid);
    const now = nowById.get(sid);
    const presenceMatters = !expected || !wanted;
    if (presenceMatters && Boolean(now) !== Boolean(expected)) {
      conflicts.push(`${sid}: ${now ? 'exists again' : 'was removed'} since`);
      continue;
    }
    if (!now || !expected || !wanted) continue;
    if (!sameServiceSettings(expected, wanted) && !sameServiceSettings(expected, now)) {
      conflicts.push(`${sid}: its settings changed since (scheduler now ${now.scheduler})`);
    }
    const fromDests = destinationsById(expected);
    const toDests = destinationsById(wanted);
    const nowDests = destinationsById(now);
    for (const did of unionOfIds(fromDests, toDests)) {
      const before = fromDests.get(did);
      if (sameDestination(before, toDests.get(did))) continue;
      const present = nowDests.get(did);
      if (!sameDestination(before, present)) {
        conflicts.push(
          `${sid} ${did}: now ${describeDestination(present)}, the change left ${describeDestination(before)}`,
        );
      }
    }
  }
  return conflicts;
}
