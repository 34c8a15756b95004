import { useSyncExternalStore } from 'react';

// Whether the agent knows our session. Sessions live as long as the agent process: a fresh browser has none,
// and after an agent restart every request answers 401 until the user signs in again with the token.
export interface Session {
  /** 'unknown' until the agent first answers a request. */
  state: 'unknown' | 'signed-in' | 'signed-out';
  /** Signed out after having been signed in during this page's life (the agent restarted). */
  lost: boolean;
}

let session: Session = { state: 'unknown', lost: false };
const listeners = new Set<() => void>();

/** Every answer from the agent says whether it knows us: 401 means it does not. */
export function noteSessionStatus(httpStatus: number): void {
  const state = httpStatus === 401 ? 'signed-out' : 'signed-in';
  if (session.state === state) return;
  session = { state, lost: state === 'signed-out' && (session.lost || session.state === 'signed-in') };
  listeners.forEach((listener) => listener());
}

/** What the agent last said of this session (outside React). */
export function currentSession(): Session {
  return session;
}

/** For tests: forget what the agent said. */
export function resetSession(): void {
  session = { state: 'unknown', lost: false };
  listeners.forEach((listener) => listener());
}

export function useSession(): Session {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => session,
    () => session,
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
