import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveFeed } from './live-feed';
import type { LiveStatus, RejectedFrames } from './live-socket';

// React reads the socket's state; it never owns the socket (the app creates one LiveFeed at start-up).
export const LiveFeedContext = createContext<LiveFeed | null>(null);

const idle: LiveStatus = { kind: 'connecting', staleSince: null };

export function useLiveStatus(): LiveStatus {
  const feed = useContext(LiveFeedContext);
  return useSyncExternalStore(
    (listener) => feed?.socket.subscribe(listener) ?? (() => undefined),
    () => feed?.socket.status ?? idle,
    () => idle,
  );
}

/** Live frames dropped because they failed validation (null while none was). */
export function useRejectedFrames(): RejectedFrames | null {
  const feed = useContext(LiveFeedContext);
  return useSyncExternalStore(
    (listener) => feed?.socket.subscribeRejected(listener) ?? (() => undefined),
    () => feed?.socket.rejected ?? null,
    () => null,
  );
}
