// BENCH_WS_SOAK=<seconds> of `npm run bench:ws`: the agent kept serving its clients after the measured
// minute, its resident memory printed every minute, and the least-squares slope of those readings, so
// "flat over an hour" (issue 10) is a number rather than an impression.
import { setTimeout as sleep } from 'node:timers/promises';
import { residentBytes } from './proc-cpu.mjs';

const MINUTE_MS = 60_000;

/** Least-squares slope of `values` (one per minute), in units per hour. */
export function slopePerHour(values) {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return (num / den) * 60;
}

/**
 * Waits `seconds` while `pid` runs, reading its resident memory (MB) every minute, printed as it goes.
 * Resolves { seconds, residentMegabytesPerMinute, slopeMegabytesPerHour, min, max }.
 */
export async function soak(name, pid, seconds) {
  const perMinute = [];
  for (let minute = 1; minute * 60 <= seconds; minute++) {
    await sleep(MINUTE_MS);
    const rss = Math.round(residentBytes(pid) / 2 ** 20);
    perMinute.push(rss);
    console.log(`${name}: soak minute ${minute}: ${rss} MB resident`);
  }
  return {
    seconds,
    residentMegabytesPerMinute: perMinute,
    slopeMegabytesPerHour: Number(slopePerHour(perMinute).toFixed(1)),
    minResidentMegabytes: Math.min(...perMinute),
    maxResidentMegabytes: Math.max(...perMinute),
  };
}
