import { useEffect, useState } from 'react';
import type { LiveStatus } from './live-socket';

/** Seconds until the next reconnection attempt, ticking every second while reconnecting; 0 otherwise. */
export function useRetrySeconds(status: LiveStatus): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.kind !== 'reconnecting') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [status.kind]);
  return status.kind === 'reconnecting' ? Math.max(0, Math.ceil((status.retryAt - now) / 1000)) : 0;
}
