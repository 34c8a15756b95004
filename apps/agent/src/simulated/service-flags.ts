// Service flag bits (include/uapi/linux/ip_vs.h IP_VS_SVC_F_*) and ipvsadm's scheduler flag names
// (ipvsadm.c parse_sched_flags / print_sched_flags): SCHED1..3 are anonymous, sh and mh name the first two.
import { AppError } from '@ipvs-dashboard/shared';
import type { SchedulerFlag } from '@ipvs-dashboard/shared';

export const SVC_F_PERSISTENT = 0x0001;
export const SVC_F_ONEPACKET = 0x0004;
export const SVC_F_SCHED1 = 0x0008;
export const SVC_F_SCHED2 = 0x0010;
export const SVC_F_SCHED3 = 0x0020;

const schedBits = [SVC_F_SCHED1, SVC_F_SCHED2, SVC_F_SCHED3] as const;
const genericNames: readonly SchedulerFlag[] = ['flag-1', 'flag-2', 'flag-3'];
const namedBySchedulers: Record<string, readonly SchedulerFlag[]> = {
  sh: ['sh-fallback', 'sh-port', 'flag-3'],
  mh: ['mh-fallback', 'mh-port', 'flag-3'],
};

function namesFor(scheduler: string): readonly SchedulerFlag[] {
  return namedBySchedulers[scheduler] ?? genericNames;
}

/** SCHED1..3 bits for names; sh-* fit only sh and mh-* only mh, as ipvsadm refuses otherwise. */
export function schedulerFlagBits(scheduler: string, flags: readonly SchedulerFlag[]): number {
  const names = namesFor(scheduler);
  let bits = 0;
  for (const flag of flags) {
    const named = names.indexOf(flag);
    const index = named >= 0 ? named : genericNames.indexOf(flag);
    const bit = schedBits[index];
    if (bit === undefined) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Scheduler flag "${flag}" does not apply to scheduler "${scheduler}".`,
        { field: 'schedulerFlags' },
      );
    }
    bits |= bit;
  }
  return bits;
}

/** Names of the SCHED1..3 bits in `bits`, in bit order, as the scheduler calls them. */
export function schedulerFlagNames(scheduler: string, bits: number): SchedulerFlag[] {
  const names = namesFor(scheduler);
  return schedBits.flatMap((bit, i) => ((bits & bit) !== 0 ? [names[i] as SchedulerFlag] : []));
}
