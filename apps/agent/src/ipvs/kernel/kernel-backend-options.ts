// How a KernelBackend is opened (kernel-backend.ts): its options, and the part of GenlConnection it
// needs, which tests and fixture replays may provide themselves.
import type { GenlConnection } from '../../netlink/index.js';
import type { SchedulerSources } from './available-schedulers.js';

/** The part of GenlConnection the backend uses; tests and fixture replays may pass their own. */
export type IpvsConnection = Pick<GenlConnection, 'resolveFamily' | 'request' | 'dump' | 'close'> &
  Partial<Pick<GenlConnection, 'dumpEach' | 'dumpEachSteps' | 'requestBatch'>>;

export interface KernelBackendOptions {
  /** How long one kernel call may take (GenlConnection timeout), default 5000 ms. */
  timeoutMs?: number;
  /** Longest stretch a snapshot holds the event loop before yielding, default 8 ms. */
  sliceMs?: number;
  /**
   * Hand out the previous snapshot's row objects again when their bytes did not change (default true).
   * false decodes every row anew, as when every row changed (the benchmark's worst case).
   */
  rowReuse?: boolean;
  /** Where ip_vs_conn and ip_vs_stats live (the agent's netns), default /proc/net. */
  procNetDir?: string;
  sysctlDir?: string;
  schedulerSources?: SchedulerSources;
}
