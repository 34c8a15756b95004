// The IPVS table as both the agent and the web app see it: plain JSON-safe value types.
// Field meanings follow ipvsadm(8) and include/uapi/linux/ip_vs.h; comments say where they differ.
import type { HealthStatus } from './health/health-status.js';
import type { Hold } from './holds.js';
import type { DrainProgress } from './drain/drain-progress.js';
import type { RampStatus } from './policy/service-policy.js';

export type AddressFamily = 'inet' | 'inet6';
export type Protocol = 'tcp' | 'udp' | 'sctp';

/** A virtual service is found by protocol + VIP + port, or by firewall mark (+ family). */
export type ServiceKey =
  | { protocol: Protocol; address: string; port: number }
  | { protocol: 'fwmark'; fwmark: number; family: AddressFamily };

/**
 * Scheduler flags in ipvsadm's `-b` names. The kernel has three anonymous bits (SCHED1..3);
 * `sh` and `mh` give the first two meanings, every other scheduler shows them as flag-1..3.
 */
export type SchedulerFlag =
  'sh-fallback' | 'sh-port' | 'mh-fallback' | 'mh-port' | 'flag-1' | 'flag-2' | 'flag-3';

/** What `ipvsadm -A/-E` sets on a service besides its identity. */
export interface ServiceSettings {
  scheduler: string;
  schedulerFlags: SchedulerFlag[];
  /** Persistence timeout in seconds; 0 = not persistent (ipvsadm `-p`). */
  persistence: number;
  /** IPv4: dotted mask ("255.255.255.0"); IPv6: prefix length ("64"). ipvsadm `-M`. */
  netmask: string;
  /** Persistence engine (`--pe`), only "sip" exists; null when unset. */
  persistenceEngine: string | null;
  /** One-packet scheduling (`-o`). */
  onePacket: boolean;
}

export type ServiceInput = ServiceKey & ServiceSettings;

/** Counters since the last zero (64-bit in the kernel; exact here up to 2^53) and the kernel's rates. */
export interface Stats {
  conns: number;
  inPackets: number;
  outPackets: number;
  inBytes: number;
  outBytes: number;
  /** Kernel estimator rates: ~8 s EWMA sampled every 2 s. Bytes per second, not bits. */
  cps: number;
  inPps: number;
  outPps: number;
  inBps: number;
  outBps: number;
}

export interface Service extends ServiceSettings {
  key: ServiceKey;
  family: AddressFamily;
  stats: Stats;
}

/** ipvsadm: -g gatewaying = route, -i ipip = tunnel, -m masquerading = masq. local/bypass are read-only. */
export type ForwardingMethod = 'route' | 'tunnel' | 'masq' | 'local' | 'bypass';
export type TunnelType = 'ipip' | 'gue' | 'gre';
export type TunnelChecksum = 'nocsum' | 'csum' | 'remcsum';

export interface DestinationKey {
  address: string;
  port: number;
}

/** What `ipvsadm -a/-e` sets on a real server besides its identity. */
export interface DestinationSettings {
  forwarding: ForwardingMethod;
  weight: number;
  /** 0 = no limit. */
  upperThreshold: number;
  lowerThreshold: number;
  tunnelType: TunnelType;
  /** GUE UDP port; 0 otherwise. */
  tunnelPort: number;
  tunnelChecksum: TunnelChecksum;
}

export type DestinationInput = DestinationKey & DestinationSettings;

export interface Destination extends DestinationKey, DestinationSettings {
  family: AddressFamily;
  activeConns: number;
  inactiveConns: number;
  persistentConns: number;
  /**
   * IP_VS_DEST_F_OVERLOAD: the thresholds keep new connections away (active + inactive reached the upper
   * one and has not yet dropped below the lower one; overload.ts). Always false without an upper threshold.
   */
  overloaded: boolean;
  stats: Stats;
  /**
   * What keeps it out of rotation (holds.ts) and what its check found: the agent adds both to every read
   * (empty and `disabled` when there is none); backends never set them.
   */
  holds?: Hold[];
  health?: HealthStatus;
  /** The drain to completion running on it (docs/api.md "Drain"), null when none; added by the agent. */
  drain?: DrainProgress | null;
  /** Ramping up after its return (slow start, policy/): present only while it ramps. Added by the agent. */
  ramp?: RampStatus;
  /** True when it is its service's sorry server (added while no real server is up): never counted as up. */
  sorryServer?: boolean;
}

export interface ServiceWithDestinations extends Service {
  destinations: Destination[];
}

export interface IpvsInfo {
  /** "1.2.1" */
  version: string;
  connTableSize: number;
}

/** `ipvsadm --set tcp tcpfin udp`, seconds; 0 on input = leave unchanged. */
export interface Timeouts {
  tcp: number;
  tcpFin: number;
  udp: number;
}

export type SyncDaemonState = 'master' | 'backup';

export interface SyncDaemon {
  state: SyncDaemonState;
  interface: string;
  syncId: number;
  maxLen: number;
  group: string;
  port: number;
  ttl: number;
}

export type SyncDaemonInput = Pick<SyncDaemon, 'state' | 'interface'> &
  Partial<Omit<SyncDaemon, 'state' | 'interface'>>;

/** One row of /proc/net/ip_vs_conn. Persistence templates have clientPort 0 (protocol "IP" for fwmark). */
export interface Connection {
  protocol: string;
  clientAddress: string;
  clientPort: number;
  /** For fwmark templates this is the mark, as the kernel prints it. */
  virtualAddress: string;
  virtualPort: number;
  destAddress: string;
  destPort: number;
  state: string;
  expiresSeconds: number;
  template: boolean;
  persistenceEngine: string | null;
  persistenceData: string | null;
  /** The firewall mark of a fwmark service's persistence template (the kernel prints it as the address), else null. */
  fwmark: number | null;
}

/** Netns-wide totals (/proc/net/ip_vs_stats). */
export type Totals = Stats;

/** The /proc/sys/net/ipv4/vs settings the agent reads and writes (names are the file names). */
export type KernelSettingName =
  | 'drop_entry'
  | 'drop_packet'
  | 'secure_tcp'
  | 'amemthresh'
  | 'am_droprate'
  | 'expire_nodest_conn'
  | 'expire_quiescent_template'
  | 'conn_reuse_mode'
  | (string & {});

export interface KernelSetting {
  name: KernelSettingName;
  value: number;
  min: number;
  max: number;
  /** One sentence on what it does, for the settings screen. */
  description: string;
}
