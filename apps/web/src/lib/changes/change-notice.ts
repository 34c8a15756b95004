import { useSyncExternalStore } from 'react';
import type { ChangeAction } from '@ipvs-dashboard/shared';
import type { Changed } from '../api/api-client';

// The change this browser made last, for the Undo notice: every mutation announces the change id the
// agent answered with (X-Change-Id). One notice at a time; a newer change replaces it.
export interface ChangeNotice {
  /** Tells one notice from the next, even for the same change id. */
  serial: number;
  changeId: string;
  action: ChangeAction;
}

let current: ChangeNotice | null = null;
let serial = 0;
let lastAnnouncedAt = 0;
const listeners = new Set<() => void>();

function publish(next: ChangeNotice | null): void {
  current = next;
  listeners.forEach((listener) => listener());
}

/** A no-op change (no X-Change-Id) announces nothing. */
export function announceChange(changeId: string | null, action: ChangeAction): void {
  if (!changeId) return;
  serial += 1;
  lastAnnouncedAt = Date.now();
  publish({ serial, changeId, action });
}

/** Whether a change was announced at or after `time` (its Undo notice already says it was done). */
export function announcedSince(time: number): boolean {
  return lastAnnouncedAt >= time && lastAnnouncedAt > 0;
}

export function dismissChangeNotice(notice: ChangeNotice): void {
  if (current?.serial === notice.serial) publish(null);
}

export function useChangeNotice(): ChangeNotice | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => null,
  );
}

/** For a mutation function: announce the change its answer names, and hand on the answer's body. */
export function announced<T>(action: ChangeAction): (result: Changed<T>) => T {
  return (result) => {
    announceChange(result.changeId, action);
    return result.body;
  };
}
