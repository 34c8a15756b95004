// The simulated schedulers, one factory per kernel scheduler name (ip_vs_<name>.c). Each is built for a
// service's current real servers and rebuilt when they change, as the kernel's update hooks do.
import type { SimService } from '../sim-state.js';
import { createLocalityLeastConnection, createLocalityReplicated } from './locality.js';
import {
  createLeastConnection,
  createNeverQueue,
  createShortestExpectedDelay,
  createWeightedLeastConnection,
} from './least-connection.js';
import { createMaglevHashing } from './maglev-hashing.js';
import { createRoundRobin, createWeightedRoundRobin } from './round-robin.js';
import type { Scheduler, SchedulerFactory } from './scheduler.js';
import { createDestinationHashing, createSourceHashing } from './source-hashing.js';
import { createWeightedFailover, createWeightedOverflow } from './weighted-choice.js';

export type { ScheduleRequest, Scheduler } from './scheduler.js';

const factories: Record<string, SchedulerFactory> = {
  rr: createRoundRobin,
  wrr: createWeightedRoundRobin,
  lc: createLeastConnection,
  wlc: createWeightedLeastConnection,
  sed: createShortestExpectedDelay,
  nq: createNeverQueue,
  sh: createSourceHashing,
  dh: createDestinationHashing,
  mh: createMaglevHashing,
  fo: createWeightedFailover,
  ovf: createWeightedOverflow,
  lblc: createLocalityLeastConnection,
  lblcr: createLocalityReplicated,
};

/** The scheduler for a service; "none" (and anything unknown) schedules nothing, as the kernel does. */
export function createScheduler(svc: SimService): Scheduler {
  const factory = factories[svc.scheduler];
  return factory ? factory(svc) : { pick: () => null };
}
