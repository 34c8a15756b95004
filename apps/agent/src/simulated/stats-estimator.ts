// Counters and the kernel's rate estimator for one stats object (a service, a real server, or the totals).
// Math transcribed from net/netfilter/ipvs/ip_vs_est.c: every 2 s, for conns and packets
// avg += ((delta << 9) - avg) >> 2 (a per-second rate scaled by 2^10, EWMA weight 1/4); for bytes the
// same with << 4 (scaled by 2^5). Read back as (avg + 0x1FF) >> 10 and (avg + 0xF) >> 5. The kernel's
// `>> 2` on an s64 is an arithmetic shift, i.e. floor division, which Math.floor reproduces.
import type { Stats } from '@ipvs-dashboard/shared';

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
const sampleShift: Record<CounterName, number> = {
  conns: 9,
  inPackets: 9,
  outPackets: 9,
  inBytes: 4,
  outBytes: 4,
};
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

export class StatsEstimator {
  private counters = zeroCounters();
  private last = zeroCounters();
  private averages = zeroCounters();

  add(delta: Partial<Counters>): void {
    for (const name of counterNames) {
      const step = delta[name];
      if (step) this.counters[name] = (this.counters[name] + step) % COUNTER_WRAP;
    }
  }

  /** The hot path of the traffic model: packets and bytes both ways, no allocation. */
  addTraffic(inPackets: number, outPackets: number, inBytes: number, outBytes: number): void {
    const c = this.counters;
    c.inPackets = (c.inPackets + inPackets) % COUNTER_WRAP;
    c.outPackets = (c.outPackets + outPackets) % COUNTER_WRAP;
    c.inBytes = (c.inBytes + inBytes) % COUNTER_WRAP;
    c.outBytes = (c.outBytes + outBytes) % COUNTER_WRAP;
  }

  /** One estimator period (ip_vs_est.c ip_vs_chain_estimation / estimation_timer). */
  estimate(): void {
    for (const name of counterNames) {
      const delta = this.counters[name] - this.last[name];
      this.last[name] = this.counters[name];
      const sample = delta * 2 ** sampleShift[name];
      this.averages[name] += Math.floor((sample - this.averages[name]) / 4);
    }
  }

  /** ZERO: counters, baselines and averages all start again (ip_vs_zero_stats + ip_vs_zero_estimator). */
  zero(): void {
    this.counters = zeroCounters();
    this.last = zeroCounters();
    this.averages = zeroCounters();
  }

  read(): Stats {
    const { counters: c, averages: a } = this;
    return {
      conns: c.conns,
      inPackets: c.inPackets,
      outPackets: c.outPackets,
      inBytes: c.inBytes,
      outBytes: c.outBytes,
      cps: readRate(a.conns, 'conns'),
      inPps: readRate(a.inPackets, 'inPackets'),
      outPps: readRate(a.outPackets, 'outPackets'),
      inBps: readRate(a.inBytes, 'inBytes'),
      outBps: readRate(a.outBytes, 'outBytes'),
    };
  }
}
