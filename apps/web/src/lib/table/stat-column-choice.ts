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
  // Cached until this tab changes it or another tab's "storage" event says so: every number cell's render
  // asks for the choice, and a localStorage read per cell per live sample was measurable (bench:ui).
  if (cached) return cached.chosen;
  const stored = globalThis.localStorage?.getItem(storageKey) ?? null;
  cached = { stored, chosen: parseChoice(stored) };
  return cached.chosen;
}

/** Reads localStorage again on next use: for tests, which clear it between cases. */
export function forgetStatColumnChoice(): void {
  cached = null;
}

function changed(): void {
  cached = null;
  listeners.forEach((listener) => listener());
}

export function setStatColumnShown(id: StatColumnId, shown: boolean): void {
  const next = new Set(read());
  if (shown) next.add(id);
  else next.delete(id);
  globalThis.localStorage?.setItem(storageKey, [...next].join(','));
  changed();
}

/** One subscription function for every cell: a new one per render would unsubscribe and subscribe again. */
function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
  };
}

function onStorage(event: StorageEvent): void {
  if (event.key === storageKey || event.key === null) changed();
}

const serverSnapshot = () => defaultStatColumns;

export function useStatColumnChoice(): [readonly StatColumnId[], (id: StatColumnId, shown: boolean) => void] {
  const chosen = useSyncExternalStore(subscribe, read, serverSnapshot);
  return [chosen, useCallback(setStatColumnShown, [])];
}
