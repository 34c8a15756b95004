// Simulated entries of the kernel's connection table: connections and persistence templates.
import type { SimDestination, SimService } from '../sim-state.js';
import type { Counters } from '../stats-estimator.js';

export type ConnProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface SimTemplate {
  svc: SimService;
  dest: SimDestination;
  /** Client address masked with the service's persistence netmask. */
  client: string;
  virtualAddress: string;
  virtualPort: number;
  expiresAt: number;
  /** Connections created under this template: it outlives its timeout while any remain (n_control). */
  controlled: number;
}

export interface SimConnection {
  svc: SimService;
  dest: SimDestination;
  protocol: ConnProtocol;
  client: string;
  clientPort: number;
  virtualAddress: string;
  virtualPort: number;
  /** Counted in ActiveConn (TCP/SCTP established) rather than InActConn. */
  active: boolean;
  state: string;
  startedAt: number;
  /** When the client stops sending: TCP/SCTP close, UDP's last datagram. */
  endsAt: number;
  /** When the connection closed (TIME_WAIT/CLOSED, UDP's last datagram); +Infinity while open. */
  closedAt: number;
  /** What the connection will carry in total, and what it carried so far. */
  planned: Counters;
  carried: Counters;
  template: SimTemplate | null;
}

/** Kernel state timeouts not settable by ipvsadm --set (ip_vs_proto_tcp.c / ip_vs_proto_sctp.c). */
export const TIME_WAIT_MS = 120_000;
export const SCTP_CLOSED_MS = 10_000;
