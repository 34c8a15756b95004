// Decodes an IPVS_STATS_ATTR_* nest. STATS64 (since 4.1) is all u64; the older STATS nest has u32
// counters and rates (truncated by the kernel) but u64 bytes (ip_vs_ctl.c ip_vs_genl_fill_stats).
// PAD (type 11, since 4.7) and unknown types are skipped.
import type { Stats } from '@ipvs-dashboard/shared';
import { StatsAttr } from './constants.js';
import { AttributeIndex } from './attribute-index.js';

export function emptyStats(): Stats {
  return {
    conns: 0,
    inPackets: 0,
    outPackets: 0,
    inBytes: 0,
    outBytes: 0,
    cps: 0,
    inPps: 0,
    outPps: 0,
    inBps: 0,
    outBps: 0,
  };
}

const statsIndex = new AttributeIndex(StatsAttr.PAD);

/** Stats from an index over a STATS or STATS64 nest; the payload size says u32 or u64 per counter. */
function statsOf(a: AttributeIndex): Stats {
  return {
    conns: a.counter(StatsAttr.CONNS),
    inPackets: a.counter(StatsAttr.INPKTS),
    outPackets: a.counter(StatsAttr.OUTPKTS),
    inBytes: a.counter(StatsAttr.INBYTES),
    outBytes: a.counter(StatsAttr.OUTBYTES),
    cps: a.counter(StatsAttr.CPS),
    inPps: a.counter(StatsAttr.INPPS),
    outPps: a.counter(StatsAttr.OUTPPS),
    inBps: a.counter(StatsAttr.INBPS),
    outBps: a.counter(StatsAttr.OUTBPS),
  };
}

/** Decodes the payload of a STATS or STATS64 nest. */
export function unpackStats(nest: Buffer): Stats {
  return statsOf(statsIndex.scan(nest));
}

/** STATS64 when the kernel sent it (>= 4.1), else the 32-bit STATS nest, else zeros. */
export function preferredStats(parent: AttributeIndex, stats64Type: number, statsType: number): Stats {
  const type = parent.has(stats64Type) ? stats64Type : statsType;
  const at = parent.offset(type);
  if (at < 0) return emptyStats();
  return statsOf(statsIndex.scan(parent.buf, at, at + parent.length(type)));
}
