// Kernel counters come from a 2-second estimator (net/netfilter/ipvs/ip_vs_est.c copies per-CPU stats
// into what readers see), so right after traffic they lag: poll instead of asserting once.
import { setTimeout as sleep } from 'node:timers/promises';

/** Calls `read` until `done(value)` holds or `timeoutMs` passes; returns the last value either way. */
export async function pollUntil<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 7000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(intervalMs);
    value = await read();
  }
  return value;
}
