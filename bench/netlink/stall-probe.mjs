// What the netlink benchmarks in the guest share: the median of their runs, and how long the event loop was
// blocked while a read ran.
import { performance } from 'node:perf_hooks';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Longest gap between 1 ms timer ticks while `work` runs: how long the event loop was blocked. */
export async function longestStall(work) {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    const value = await work();
    longest = Math.max(longest, performance.now() - last);
    return { value, longest };
  } finally {
    clearInterval(probe);
  }
}
