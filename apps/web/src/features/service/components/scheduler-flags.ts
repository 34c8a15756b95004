import type { SchedulerFlag } from '@ipvs-dashboard/shared';

// The kernel has three anonymous scheduler flag bits (IP_VS_SVC_F_SCHED1..3, uapi/linux/ip_vs.h); only
// sh and mh give the first two a meaning (ipvsadm.c, parse_sched_flags), the rest see flag-1..3.
export function flagsFor(scheduler: string): SchedulerFlag[] {
  if (scheduler === 'sh') return ['sh-fallback', 'sh-port'];
  if (scheduler === 'mh') return ['mh-fallback', 'mh-port'];
  return ['flag-1', 'flag-2', 'flag-3'];
}

/** When the scheduler changes, keep the bits set but rename them for the new scheduler. */
export function carryFlags(flags: readonly SchedulerFlag[], scheduler: string): SchedulerFlag[] {
  const next = flagsFor(scheduler);
  const bit = (flag: SchedulerFlag) =>
    flag.endsWith('fallback') || flag === 'flag-1' ? 0 : flag.endsWith('port') || flag === 'flag-2' ? 1 : 2;
  return [...new Set(flags.map(bit))]
    .map((index) => next[index])
    .filter((flag): flag is SchedulerFlag => flag !== undefined);
}
