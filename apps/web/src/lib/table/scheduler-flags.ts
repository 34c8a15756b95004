import {
  normalizeSchedulerFlags,
  schedulerFlagNamesFor,
  schedulerFlagOwner,
  type SchedulerFlag,
} from '@ipvs-dashboard/shared';

// The names and bits live in shared (scheduler-flags.ts); the form only decides what to offer: sh and mh
// give SCHED1..2 a meaning and leave SCHED3 without one, so their forms offer just those two.
export function flagsFor(scheduler: string): SchedulerFlag[] {
  const names = schedulerFlagNamesFor(scheduler);
  const named = names.some((flag) => schedulerFlagOwner(flag) !== null);
  return named ? names.filter((flag) => schedulerFlagOwner(flag) !== null) : [...names];
}

/** When the scheduler changes, keep the bits set but rename them for the new scheduler. */
export function carryFlags(flags: readonly SchedulerFlag[], scheduler: string): SchedulerFlag[] {
  const offered = new Set(flagsFor(scheduler));
  return normalizeSchedulerFlags(scheduler, flags).filter((flag) => offered.has(flag));
}
