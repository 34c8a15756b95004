// Expected decodings for the fixtures, taken from ipvsadm's listings of the same table (never from the
// client under test): counters, rates and connection counts as ipvsadm printed them at recording time.
import type { Destination, Stats } from '@ipvs-dashboard/shared';
import { mustIpvsadm } from '../ipvsadm.js';

let listingCache: Map<string, string> | undefined;

/** One ipvsadm listing; inside cachedListings() each listing is read once however many rows are asked. */
function listing(args: string[]): string {
  const key = args.join(' ');
  const cached = listingCache?.get(key);
  if (cached !== undefined) return cached;
  const text = mustIpvsadm(args);
  listingCache?.set(key, text);
  return text;
}

function cachedListings<T>(read: () => T): T {
  listingCache = new Map();
  try {
    return read();
  } finally {
    listingCache = undefined;
  }
}

function rowNumbers(args: string[], row: string): number[] {
  const line = listing(args)
    .split('\n')
    .find((text) =>
      text
        .replace(/^\s*->\s*/, '')
        .replace(/\s+/, ' ')
        .startsWith(`${row} `),
    );
  if (line === undefined) throw new Error(`ipvsadm ${args.join(' ')} has no row ${row}`);
  return line
    .trim()
    .split(/\s+/)
    .filter((word) => /^\d+$/.test(word))
    .map(Number);
}

/** The full Stats of one row ("TCP  10.10.0.100:80" service or "10.10.10.2:80" real server). */
export function statsOf(row: string): Stats {
  const [conns = 0, inPackets = 0, outPackets = 0, inBytes = 0, outBytes = 0] = rowNumbers(
    ['-Ln', '--stats', '--exact'],
    row,
  );
  const [cps = 0, inPps = 0, outPps = 0, inBps = 0, outBps = 0] = rowNumbers(
    ['-Ln', '--rate', '--exact'],
    row,
  );
  return { conns, inPackets, outPackets, inBytes, outBytes, cps, inPps, outPps, inBps, outBps };
}

/** weight, active, inactive (-Ln) and persistent (--persistent-conn) connections of a real server row. */
export function connectionsOf(
  row: string,
): Pick<Destination, 'activeConns' | 'inactiveConns' | 'persistentConns' | 'overloaded'> {
  const [, activeConns = 0, inactiveConns = 0] = rowNumbers(['-Ln'], row);
  const [, persistentConns = 0] = rowNumbers(['-Ln', '--persistent-conn'], row);
  // The fixtures' servers have no thresholds, so the kernel never marks them overloaded.
  return { activeConns, inactiveConns, persistentConns, overloaded: false };
}

/** Returns right after the kernel's 2-second estimator has updated the rates (ip_vs_est.c). */
function waitForEstimatorTick(): void {
  const first = mustIpvsadm(['-Ln', '--rate', '--exact']);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && mustIpvsadm(['-Ln', '--rate', '--exact']) === first) {
    // Polls with ipvsadm itself: each call takes tens of milliseconds in the guest.
  }
}

/**
 * Runs `record` until ipvsadm's figures read before and after it agree, starting just after an estimator
 * tick so the reads and the recording fit in one 2-second window.
 */
export function stableRecording<T>(
  readExpected: () => unknown,
  record: () => T,
): { value: T; expected: unknown } {
  for (let attempt = 0; attempt < 20; attempt++) {
    waitForEstimatorTick();
    const before = JSON.stringify(cachedListings(readExpected));
    const value = record();
    const after = cachedListings(readExpected);
    if (JSON.stringify(after) === before) return { value, expected: after };
  }
  throw new Error('ipvsadm figures kept changing while recording');
}
