// Scheduler flags, the one home of their rules: three anonymous kernel bits (IP_VS_SVC_F_SCHED1..3 in
// include/uapi/linux/ip_vs.h) whose names depend on the scheduler, as ipvsadm prints and parses them
// (ipvsadm.c print_sched_flags / parse_sched_flags): sh and mh give the first two a meaning.
import { AppError } from './errors.js';
import type { SchedulerFlag } from './model.js';

/** One-packet scheduling (-o): not a scheduler flag, but the same flags word; here so both backends share it. */
export const IP_VS_SVC_F_ONEPACKET = 0x0004;
export const IP_VS_SVC_F_SCHED1 = 0x0008;
export const IP_VS_SVC_F_SCHED2 = 0x0010;
export const IP_VS_SVC_F_SCHED3 = 0x0020;

const bits = [IP_VS_SVC_F_SCHED1, IP_VS_SVC_F_SCHED2, IP_VS_SVC_F_SCHED3] as const;
const genericNames = ['flag-1', 'flag-2', 'flag-3'] as const;
const namesByScheduler: Readonly<Record<string, readonly [SchedulerFlag, SchedulerFlag, SchedulerFlag]>> = {
  sh: ['sh-fallback', 'sh-port', 'flag-3'],
  mh: ['mh-fallback', 'mh-port', 'flag-3'],
};

/** The names of SCHED1..3 for this scheduler, in bit order. */
export function schedulerFlagNamesFor(scheduler: string): readonly SchedulerFlag[] {
  return namesByScheduler[scheduler] ?? genericNames;
}

/** The scheduler a named flag belongs to (sh-* to sh, mh-* to mh), or null for flag-1..3, which fit all. */
export function schedulerFlagOwner(flag: SchedulerFlag): 'sh' | 'mh' | null {
  return flag.startsWith('sh-') ? 'sh' : flag.startsWith('mh-') ? 'mh' : null;
}

/** The bit of a flag: its position among its own scheduler's names, or among flag-1..3. */
function bitOf(flag: SchedulerFlag): number {
  const owner = schedulerFlagOwner(flag);
  const names: readonly string[] = owner ? (namesByScheduler[owner] ?? genericNames) : genericNames;
  return bits[names.indexOf(flag)] ?? 0;
}

/** The kernel bits of a flag list (SCHED1..3 only; OR them into the service flags). */
export function schedulerFlagsToKernel(flags: readonly SchedulerFlag[]): number {
  return flags.reduce((result, flag) => result | bitOf(flag), 0);
}

/**
 * The kernel bits for a scheduler's flags, refusing what ipvsadm refuses as "incompatible scheduler
 * flag": sh-* with anything but sh, mh-* with anything but mh.
 */
export function checkedSchedulerFlagBits(scheduler: string, flags: readonly SchedulerFlag[]): number {
  for (const flag of flags) {
    const owner = schedulerFlagOwner(flag);
    if (owner !== null && owner !== scheduler) {
      const allowed = [...new Set([...schedulerFlagNamesFor(scheduler), ...genericNames])].join(', ');
      throw new AppError(
        'VALIDATION_FAILED',
        `Scheduler flag "${flag}" does not apply to scheduler "${scheduler}" (allowed: ${allowed}).`,
        { field: 'schedulerFlags' },
      );
    }
  }
  return schedulerFlagsToKernel(flags);
}

/** The names ipvsadm uses for the SCHED1..3 bits of a service with this scheduler, in bit order. */
export function schedulerFlagsFromKernel(scheduler: string, kernelFlags: number): SchedulerFlag[] {
  const names = schedulerFlagNamesFor(scheduler);
  return names.filter((_, index) => (kernelFlags & (bits[index] ?? 0)) !== 0);
}

/** One spelling per bit, in bit order: what the kernel will report back for these flags. */
export function normalizeSchedulerFlags(scheduler: string, flags: readonly SchedulerFlag[]): SchedulerFlag[] {
  return schedulerFlagsFromKernel(scheduler, schedulerFlagsToKernel(flags));
}
