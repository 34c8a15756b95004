// Rates computed from two counter readings, for the live samples: the kernel's own rates are an ~8 s
// EWMA refreshed every 2 s (net/netfilter/ipvs/ip_vs_est.c), too slow for a per-second chart.
import type { Stats } from './model.js';

/** Per-second rates of one interval. Bytes per second, not bits, like the kernel's. */
export interface Rates {
  cps: number;
  inPps: number;
  outPps: number;
  inBps: number;
  outBps: number;
}

export const zeroRates: Rates = { cps: 0, inPps: 0, outPps: 0, inBps: 0, outBps: 0 };

/** Counters and kernel rates of a row the kernel has just made (it starts them at zero). */
export const zeroStats: Stats = {
  conns: 0,
  inPackets: 0,
  outPackets: 0,
  inBytes: 0,
  outBytes: 0,
  ...zeroRates,
};

/**
 * About three significant digits, never finer than 0.01: plenty for a chart, and every digit saved is
 * saved again in every sample to every client (random digits do not compress).
 */
export function roundRate(value: number): number {
  const step = value >= 100 ? 1 : value >= 10 ? 0.1 : 0.01;
  return Math.round(value / step) / (1 / step);
}

/**
 * Rates between two readings taken `intervalMs` apart. A counter that went down was zeroed
 * (ipvsadm -Z) in between: its rate counts from zero, so the chart never shows a negative spike.
 */
export function ratesBetween(previous: Stats | undefined, current: Stats, intervalMs: number): Rates {
  if (!previous || intervalMs <= 0) return { ...zeroRates };
  const perSecond = (before: number, after: number) =>
    roundRate(((after >= before ? after - before : after) * 1000) / intervalMs);
  return {
    cps: perSecond(previous.conns, current.conns),
    inPps: perSecond(previous.inPackets, current.inPackets),
    outPps: perSecond(previous.outPackets, current.outPackets),
    inBps: perSecond(previous.inBytes, current.inBytes),
    outBps: perSecond(previous.outBytes, current.outBytes),
  };
}

/** The same five rates (counters aside). */
export function sameRates(a: Rates, b: Rates): boolean {
  return (
    a === b ||
    (a.cps === b.cps &&
      a.inPps === b.inPps &&
      a.outPps === b.outPps &&
      a.inBps === b.inBps &&
      a.outBps === b.outBps)
  );
}

/** The same counters (the kernel's rates aside): rates over the window are then all zero. */
export function sameCounters(a: Stats, b: Stats): boolean {
  return (
    a.conns === b.conns &&
    a.inPackets === b.inPackets &&
    a.outPackets === b.outPackets &&
    a.inBytes === b.inBytes &&
    a.outBytes === b.outBytes
  );
}

/** Every number of two stats rows the same: what the agent's samples, the simulator and the web compare. */
export function sameStats(a: Stats, b: Stats): boolean {
  return (
    a === b ||
    (a.conns === b.conns &&
      a.inPackets === b.inPackets &&
      a.outPackets === b.outPackets &&
      a.inBytes === b.inBytes &&
      a.outBytes === b.outBytes &&
      sameRates(a, b))
  );
}
