import { useSyncExternalStore } from 'react';

// Whether the agent still knows our session. Sessions live as long as the agent process, so after an
// agent restart every request answers 401 until the user signs in again with the token.
let signedOut = false;
const listeners = new Set<() => void>();

export function markSignedOut(value: boolean): void {
  if (signedOut === value) return;
  signedOut = value;
  listeners.forEach((listener) => listener());
}

export function useSignedOut(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => signedOut,
    () => false,
  );
}

const returnKey = 'ipvs-dashboard.return-to';

/** Sign in with the token (GET /?token= sets the cookie and redirects to /), then come back to this screen. */
export function signIn(token: string): void {
  globalThis.sessionStorage?.setItem(returnKey, window.location.hash);
  window.location.assign(`/?token=${encodeURIComponent(token.trim())}`);
}

/** After the login redirect, go back to the screen the user was on. */
export function restoreReturnPath(): void {
  const hash = globalThis.sessionStorage?.getItem(returnKey);
  if (!hash) return;
  globalThis.sessionStorage.removeItem(returnKey);
  if (!window.location.hash) window.location.hash = hash;
}
