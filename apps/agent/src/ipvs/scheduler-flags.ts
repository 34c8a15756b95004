// Scheduler flag names as ipvsadm prints and parses them (ipvsadm.c parse_sched_flags/print_sched_flags):
// the kernel has three anonymous bits SCHED1..3; sh and mh give the first two a meaning.
import { AppError } from '@ipvs-dashboard/shared';
import type { SchedulerFlag } from '@ipvs-dashboard/shared';
import { SvcFlag } from './constants.js';

const namesByScheduler: Record<string, readonly [SchedulerFlag, SchedulerFlag, SchedulerFlag]> = {
  sh: ['sh-fallback', 'sh-port', 'flag-3'],
  mh: ['mh-fallback', 'mh-port', 'flag-3'],
};
const genericNames = ['flag-1', 'flag-2', 'flag-3'] as const;
const bits = [SvcFlag.SCHED1, SvcFlag.SCHED2, SvcFlag.SCHED3] as const;

function namesFor(scheduler: string): readonly SchedulerFlag[] {
  return namesByScheduler[scheduler] ?? genericNames;
}

/** The SCHED1..3 bits of a kernel flags word, named for `scheduler`. */
export function schedulerFlagsFromBits(scheduler: string, flags: number): SchedulerFlag[] {
  const names = namesFor(scheduler);
  const result: SchedulerFlag[] = [];
  bits.forEach((bit, i) => {
    if ((flags & bit) !== 0) result.push(names[i] as SchedulerFlag);
  });
  return result;
}

/**
 * SCHED1..3 bits for flag names. flag-1..3 fit every scheduler; sh-* only sh and mh-* only mh, which is
 * what ipvsadm's parse_sched_flags refuses as "incompatible scheduler flag".
 */
export function schedulerFlagsToBits(scheduler: string, flags: readonly SchedulerFlag[]): number {
  const names = namesFor(scheduler);
  let result = 0;
  for (const flag of flags) {
    const named = names.indexOf(flag);
    const index = named >= 0 ? named : (genericNames as readonly string[]).indexOf(flag);
    if (index < 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Scheduler flag "${flag}" does not apply to scheduler "${scheduler}" (allowed: ${[...new Set([...names, ...genericNames])].join(', ')}).`,
        { field: 'schedulerFlags' },
      );
    }
    result |= bits[index] as number;
  }
  return result;
}
