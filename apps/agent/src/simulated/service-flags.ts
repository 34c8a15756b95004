// Service flag bits and ipvsadm's scheduler flag names, shared with the kernel client so both backends
// name and check flags identically (ipvs/constants.ts from ip_vs.h, ipvs/scheduler-flags.ts from ipvsadm.c).
import { SvcFlag } from '../ipvs/constants.js';
import { schedulerFlagsFromBits, schedulerFlagsToBits } from '../ipvs/scheduler-flags.js';

export const SVC_F_ONEPACKET = SvcFlag.ONEPACKET;
/** sh-fallback / mh-fallback. */
export const SVC_F_SCHED1 = SvcFlag.SCHED1;
/** sh-port / mh-port. */
export const SVC_F_SCHED2 = SvcFlag.SCHED2;

/** SCHED1..3 bits for names; sh-* fit only sh and mh-* only mh (VALIDATION_FAILED otherwise). */
export const schedulerFlagBits = schedulerFlagsToBits;
/** Names of the SCHED1..3 bits, as the scheduler calls them. */
export const schedulerFlagNames = schedulerFlagsFromBits;
