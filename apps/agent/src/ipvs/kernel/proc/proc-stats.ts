// /proc/net/ip_vs_stats -> Totals: the netns-wide counters and rates, in hex, 64-bit
// (ip_vs_ctl.c ip_vs_stats_show: "%8LX %8LX %8LX %16LX %16LX" twice; reference §6.3).
import { readFile } from 'node:fs/promises';
import { AppError } from '@ipvs-dashboard/shared';
import type { Totals } from '@ipvs-dashboard/shared';

export const IP_VS_STATS_PATH = '/proc/net/ip_vs_stats';

export function parseIpvsStats(text: string): Totals {
  const rows = text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length === 5 && fields.every((field) => /^[0-9A-Fa-f]+$/.test(field)))
    .map((fields) => fields.map((field) => parseInt(field, 16)));
  const [counters, rates] = rows;
  if (counters === undefined || rates === undefined) {
    throw new AppError('KERNEL_ERROR', `${IP_VS_STATS_PATH} does not have the expected two rows of numbers.`);
  }
  const [conns = 0, inPackets = 0, outPackets = 0, inBytes = 0, outBytes = 0] = counters;
  const [cps = 0, inPps = 0, outPps = 0, inBps = 0, outBps = 0] = rates;
  return { conns, inPackets, outPackets, inBytes, outBytes, cps, inPps, outPps, inBps, outBps };
}

export async function readIpvsStats(path = IP_VS_STATS_PATH): Promise<Totals> {
  return parseIpvsStats(await readFile(path, 'utf8'));
}
