// When each real server's check runs: every check keeps its own period, and the first run of each is
// placed at an offset inside the interval taken from a hash of its key, so 10,000 servers added at once
// (or an agent restart) spread over the interval instead of all connecting in the same millisecond.

/** FNV-1a over the key's UTF-16 code units: cheap, and stable across restarts (the same server, the same slot). */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The offset of a real server's first check inside the interval, in [0, intervalMs). */
export function firstCheckDelay(key: string, intervalMs: number): number {
  return (hashOf(key) / 0x1_0000_0000) * intervalMs;
}

/**
 * The delay before the next check, from when the last one started: one interval, less what it took. A
 * check that took longer than the interval (it cannot: its timeout is at most the interval) starts again
 * at once, never two at a time.
 */
export function nextCheckDelay(startedAt: number, finishedAt: number, intervalMs: number): number {
  return Math.max(0, startedAt + intervalMs - finishedAt);
}
