// Decodes an IPVS_STATS_ATTR_* nest. STATS64 (since 4.1) is all u64; the older STATS nest has u32
// counters and rates (truncated by the kernel) but u64 bytes (ip_vs_ctl.c ip_vs_genl_fill_stats).
import type { Stats } from '@ipvs-dashboard/shared';
import { attributeMap } from '../netlink/index.js';
import { StatsAttr } from './constants.js';
import { readHostU32, readHostU64 } from './host-order.js';

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

/** A counter of either width: the payload size says which (PAD, type 11, is zero-length and unused). */
function counter(attributes: Map<number, Buffer>, type: number): number {
  const payload = attributes.get(type);
  if (payload === undefined) return 0;
  if (payload.length >= 8) return readHostU64(payload, 0);
  if (payload.length >= 4) return readHostU32(payload, 0);
  return 0;
}

/** Decodes the payload of a STATS or STATS64 nest. */
export function unpackStats(nest: Buffer): Stats {
  const a = attributeMap(nest);
  return {
    conns: counter(a, StatsAttr.CONNS),
    inPackets: counter(a, StatsAttr.INPKTS),
    outPackets: counter(a, StatsAttr.OUTPKTS),
    inBytes: counter(a, StatsAttr.INBYTES),
    outBytes: counter(a, StatsAttr.OUTBYTES),
    cps: counter(a, StatsAttr.CPS),
    inPps: counter(a, StatsAttr.INPPS),
    outPps: counter(a, StatsAttr.OUTPPS),
    inBps: counter(a, StatsAttr.INBPS),
    outBps: counter(a, StatsAttr.OUTBPS),
  };
}

/** STATS64 when the kernel sent it (>= 4.1), else the 32-bit STATS nest, else zeros. */
export function unpackPreferredStats(
  attributes: Map<number, Buffer>,
  stats64Type: number,
  statsType: number,
): Stats {
  const nest = attributes.get(stats64Type) ?? attributes.get(statsType);
  return nest === undefined ? emptyStats() : unpackStats(nest);
}
