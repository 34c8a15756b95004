import { useCallback, useSyncExternalStore } from 'react';

// Dark and light themes are CSS variables keyed on <html data-theme>; the choice is remembered, and the
// first visit follows the system preference.
export type Theme = 'light' | 'dark';
const storageKey = 'ipvs-dashboard.theme';
const listeners = new Set<() => void>();

function current(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function applyInitialTheme(): void {
  const stored = globalThis.localStorage?.getItem(storageKey);
  const prefersDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  document.documentElement.dataset.theme =
    stored === 'dark' || stored === 'light' ? stored : prefersDark ? 'dark' : 'light';
}

export function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  globalThis.localStorage?.setItem(storageKey, theme);
  listeners.forEach((listener) => listener());
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore<Theme>(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current,
    () => 'light',
  );
  return [theme, useCallback((next: Theme) => setTheme(next), [])];
}
