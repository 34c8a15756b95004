// Counters and the kernel's rate estimator for one stats object (a service, a real server, or the totals).
// Math transcribed from net/netfilter/ipvs/ip_vs_est.c: every 2 s, for conns and packets
// avg += ((delta << 9) - avg) >> 2 (a per-second rate scaled by 2^10, EWMA weight 1/4); for bytes the
// same with << 4 (scaled by 2^5). Read back as (avg + 0x1FF) >> 10 and (avg + 0xF) >> 5. The kernel's
// `>> 2` on an s64 is an arithmetic shift, i.e. floor division, which Math.floor reproduces.
// The counters users see move in the same 2 s steps: the estimator is also what sums the per-CPU counters
// into kstats, and reads show kstats minus the zero point kstats0 (ip_vs_copy_stats). Proven in the UML
// guest: right after 12 requests `ipvsadm -Ln --stats` showed 6 connections while InActConn showed 12.
import { sameStats, type Stats } from '@ipvs-dashboard/shared';

/** The kernel's estimation period (ip_vs_est.c IPVS_EST_TICK / the old 2*HZ timer). */
export const ESTIMATOR_PERIOD_MS = 2000;

export interface Counters {
  conns: number;
  inPackets: number;
  outPackets: number;
  inBytes: number;
  outBytes: number;
}

type CounterName = keyof Counters;
const counterNames: readonly CounterName[] = ['conns', 'inPackets', 'outPackets', 'inBytes', 'outBytes'];
/** Packets/conns use a 2^10 scale (<< 9 per 2 s), bytes a 2^5 scale (<< 4 per 2 s). */
const PACKET_SHIFT = 9;
const BYTE_SHIFT = 4;
// The kernel keeps u64 counters; JavaScript numbers are exact to 2^53 (years of 100 Gbit/s), then wrap here.
const COUNTER_WRAP = 2 ** 64;

function zeroCounters(): Counters {
  return { conns: 0, inPackets: 0, outPackets: 0, inBytes: 0, outBytes: 0 };
}

function readRate(avg: number, name: CounterName): number {
  return name === 'inBytes' || name === 'outBytes'
    ? Math.floor((avg + 0xf) / 32)
    : Math.floor((avg + 0x1ff) / 1024);
}

/** avg += ((delta << shift) - avg) >> 2, the step added to the average (ip_vs_est.c ip_vs_chain_estimation). */
function ewmaStep(delta: number, shift: number, average: number): number {
  return Math.floor((delta * 2 ** shift - average) / 4);
}

export class StatsEstimator {
  /** What the per-CPU counters hold now. */
  private live = zeroCounters();
  /** kstats: the live counters as summed by the last estimator run; also the EWMA's last sample. */
  private summed = zeroCounters();
  /** kstats0: the zero point set by ZERO. */
  private baseline = zeroCounters();
  private averages = zeroCounters();
  /** What read() returned last, handed out again until an estimator run or ZERO moves a number users see. */
  private view: Stats | null = null;
  private moved = true;

  add(delta: Partial<Counters>): void {
    for (const name of counterNames) {
      const step = delta[name];
      if (step) this.live[name] = (this.live[name] + step) % COUNTER_WRAP;
    }
  }

  /** The hot path of the traffic model: packets and bytes both ways, no allocation. */
  addTraffic(inPackets: number, outPackets: number, inBytes: number, outBytes: number): void {
    const c = this.live;
    c.inPackets = (c.inPackets + inPackets) % COUNTER_WRAP;
    c.outPackets = (c.outPackets + outPackets) % COUNTER_WRAP;
    c.inBytes = (c.inBytes + inBytes) % COUNTER_WRAP;
    c.outBytes = (c.outBytes + outBytes) % COUNTER_WRAP;
  }

  /**
   * One estimator period (ip_vs_est.c estimation_timer: ip_vs_read_cpu_stats, then the EWMA). Returns
   * whether anything read() shows may have moved.
   */
  estimate(): boolean {
    // Spelled out per counter: this runs for every row of the table every 2 s.
    const { live, summed, averages } = this;
    const conns = ewmaStep(live.conns - summed.conns, PACKET_SHIFT, averages.conns);
    const inPackets = ewmaStep(live.inPackets - summed.inPackets, PACKET_SHIFT, averages.inPackets);
    const outPackets = ewmaStep(live.outPackets - summed.outPackets, PACKET_SHIFT, averages.outPackets);
    const inBytes = ewmaStep(live.inBytes - summed.inBytes, BYTE_SHIFT, averages.inBytes);
    const outBytes = ewmaStep(live.outBytes - summed.outBytes, BYTE_SHIFT, averages.outBytes);
    const unchanged =
      live.conns === summed.conns &&
      live.inPackets === summed.inPackets &&
      live.outPackets === summed.outPackets &&
      live.inBytes === summed.inBytes &&
      live.outBytes === summed.outBytes;
    // An idle row (no packets, rates decayed to 0) keeps its read() object: snapshots reuse the row.
    if (unchanged && conns === 0 && inPackets === 0 && outPackets === 0 && inBytes === 0 && outBytes === 0)
      return false;
    summed.conns = live.conns;
    summed.inPackets = live.inPackets;
    summed.outPackets = live.outPackets;
    summed.inBytes = live.inBytes;
    summed.outBytes = live.outBytes;
    averages.conns += conns;
    averages.inPackets += inPackets;
    averages.outPackets += outPackets;
    averages.inBytes += inBytes;
    averages.outBytes += outBytes;
    this.moved = true;
    return true;
  }

  /** ZERO: the last summed counters become the zero point and the rates restart (ip_vs_zero_stats). */
  zero(): void {
    this.baseline = { ...this.summed };
    this.averages = zeroCounters();
    this.moved = true;
  }

  /**
   * The counters and rates users see. The same object comes back until they move (every 2 s at most), so
   * callers can tell an unchanged row by identity (the IpvsBackend.snapshot contract); it is read-only.
   */
  read(): Stats {
    if (this.view && !this.moved) return this.view;
    const next = this.compute();
    this.moved = false;
    // A decaying average often moves below the read-out's rounding: the row users see is then the same.
    if (!this.view || !sameStats(this.view, next)) this.view = next;
    return this.view;
  }

  private compute(): Stats {
    const { summed: c, baseline: b, averages: a } = this;
    return {
      conns: c.conns - b.conns,
      inPackets: c.inPackets - b.inPackets,
      outPackets: c.outPackets - b.outPackets,
      inBytes: c.inBytes - b.inBytes,
      outBytes: c.outBytes - b.outBytes,
      cps: readRate(a.conns, 'conns'),
      inPps: readRate(a.inPackets, 'inPackets'),
      outPps: readRate(a.outPackets, 'outPackets'),
      inBps: readRate(a.inBytes, 'inBytes'),
      outBps: readRate(a.outBytes, 'outBytes'),
    };
  }
}
