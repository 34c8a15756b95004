import { useCallback, useSyncExternalStore } from 'react';
import { defaultStatColumns, isStatColumnId, statColumns, type StatColumnId } from './stat-columns';

// Which number columns the operator chose, remembered in this browser like the theme and the language: a
// preference of the person, not a view of the table, so it stays when they open a service and come back
// (a hash parameter would be dropped by every link to the overview). The overview table and the
// real-server cards read the same choice.
const storageKey = 'ipvs-dashboard.columns';
const listeners = new Set<() => void>();
let cached: { stored: string | null; chosen: readonly StatColumnId[] } | null = null;

/** A stored list, in the table's order; anything unknown dropped; nothing stored = the defaults. */
export function parseChoice(stored: string | null): readonly StatColumnId[] {
  if (stored === null) return defaultStatColumns;
  const wanted = new Set(stored.split(',').filter(isStatColumnId));
  return statColumns.map((column) => column.id).filter((id) => wanted.has(id));
}

function read(): readonly StatColumnId[] {
  const stored = globalThis.localStorage?.getItem(storageKey) ?? null;
  // The same array while nothing changed: useSyncExternalStore compares snapshots by identity.
  if (cached?.stored !== stored) cached = { stored, chosen: parseChoice(stored) };
  return cached.chosen;
}

export function setStatColumnShown(id: StatColumnId, shown: boolean): void {
  const next = new Set(read());
  if (shown) next.add(id);
  else next.delete(id);
  globalThis.localStorage?.setItem(storageKey, [...next].join(','));
  listeners.forEach((listener) => listener());
}

export function useStatColumnChoice(): [readonly StatColumnId[], (id: StatColumnId, shown: boolean) => void] {
  const chosen = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => defaultStatColumns,
  );
  return [chosen, useCallback(setStatColumnShown, [])];
}
