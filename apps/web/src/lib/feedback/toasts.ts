import { useSyncExternalStore } from 'react';
import type { MessageKey } from '../i18n/catalogue';

// Short confirmations of changes the agent applied ("Done"), shown for a few seconds wherever the user is.
// A store outside React, so the one QueryClient's mutation cache can report every successful change.
export interface Toast {
  id: number;
  message: MessageKey;
}

const SHOWN_MS = 4000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly Toast[]): void {
  toasts = next;
  listeners.forEach((listener) => listener());
}

export function showToast(message: MessageKey): void {
  const toast = { id: nextId++, message };
  // The newest three at most: a burst of changes must not cover the screen.
  publish([...toasts.slice(-2), toast]);
  setTimeout(() => publish(toasts.filter((shown) => shown !== toast)), SHOWN_MS);
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
    () => toasts,
  );
}

/** Takes every confirmation off the screen (tests start from none). */
export function dismissToasts(): void {
  publish([]);
}
