// What a simulated scheduler sees and decides: one new connection, the service's real servers in the
// kernel's list order (newest first), and the choice, or null when the kernel would find no server.
import type { SimDestination, SimService } from '../sim-state.js';

export interface ScheduleRequest {
  /** Client address as four host-order words (IPv4 in word 0), as the kernel's nf_inet_addr. */
  clientWords: readonly number[];
  clientPort: number;
  /** The address the client connected to: the VIP, or for fwmark services whatever was marked. */
  virtualWords: readonly number[];
  virtualKey: string;
  now: number;
}

export interface Scheduler {
  pick(request: ScheduleRequest): SimDestination | null;
}

export type SchedulerFactory = (svc: SimService) => Scheduler;

/** The test most kernel schedulers make: weight 0 (quiesced) or IP_VS_DEST_F_OVERLOAD means skip. */
export function isUsable(dest: SimDestination): boolean {
  return dest.settings.weight > 0 && !dest.overloaded;
}

/** ip_vs_sched.h ip_vs_dest_conn_overhead: an active connection weighs 256 inactive ones. */
export function overhead(dest: SimDestination): number {
  return dest.activeConns * 256 + dest.inactiveConns;
}

/** hash_32 from include/linux/hash.h: multiply by GOLDEN_RATIO_32, keep the top `bits` bits. */
export function hash32(value: number, bits: number): number {
  return (Math.imul(value >>> 0, 0x61c88647) >>> 0) >>> (32 - bits);
}

/** The kernel folds an IPv6 address into 32 bits by XOR of its four words (ip_vs_sh.c, ip_vs_dh.c). */
export function foldAddress(words: readonly number[]): number {
  return ((words[0] ?? 0) ^ (words[1] ?? 0) ^ (words[2] ?? 0) ^ (words[3] ?? 0)) >>> 0;
}
