// Scheduler flags: three anonymous kernel bits (IP_VS_SVC_F_SCHED1..3 in include/uapi/linux/ip_vs.h)
// whose names depend on the scheduler, as ipvsadm prints them (ipvsadm.c print_sched_flags).
import type { SchedulerFlag } from './model.js';

export const IP_VS_SVC_F_SCHED1 = 0x0008;
export const IP_VS_SVC_F_SCHED2 = 0x0010;
export const IP_VS_SVC_F_SCHED3 = 0x0020;

const bitOfFlag: Record<SchedulerFlag, number> = {
  'sh-fallback': IP_VS_SVC_F_SCHED1,
  'sh-port': IP_VS_SVC_F_SCHED2,
  'mh-fallback': IP_VS_SVC_F_SCHED1,
  'mh-port': IP_VS_SVC_F_SCHED2,
  'flag-1': IP_VS_SVC_F_SCHED1,
  'flag-2': IP_VS_SVC_F_SCHED2,
  'flag-3': IP_VS_SVC_F_SCHED3,
};

/** The kernel bits of a flag list (SCHED1..3 only; OR them into the service flags). */
export function schedulerFlagsToKernel(flags: readonly SchedulerFlag[]): number {
  return flags.reduce((bits, flag) => bits | bitOfFlag[flag], 0);
}

/** The names ipvsadm uses for the SCHED1..3 bits of a service with this scheduler, in bit order. */
export function schedulerFlagsFromKernel(scheduler: string, kernelFlags: number): SchedulerFlag[] {
  const names: [SchedulerFlag, SchedulerFlag, SchedulerFlag] =
    scheduler === 'sh'
      ? ['sh-fallback', 'sh-port', 'flag-3']
      : scheduler === 'mh'
        ? ['mh-fallback', 'mh-port', 'flag-3']
        : ['flag-1', 'flag-2', 'flag-3'];
  const bits = [IP_VS_SVC_F_SCHED1, IP_VS_SVC_F_SCHED2, IP_VS_SVC_F_SCHED3];
  return names.filter((_, index) => (kernelFlags & (bits[index] ?? 0)) !== 0);
}

/** One spelling per bit, in bit order: what the kernel will report back for these flags. */
export function normalizeSchedulerFlags(scheduler: string, flags: readonly SchedulerFlag[]): SchedulerFlag[] {
  return schedulerFlagsFromKernel(scheduler, schedulerFlagsToKernel(flags));
}
