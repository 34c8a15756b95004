// How much traffic the simulation sends to one service, and a default for services nobody described.
import type { Protocol } from '@ipvs-dashboard/shared';

export interface TrafficProfile {
  /** Mean new connections per second. */
  connectionsPerSecond: number;
  /** 0..1: how far the rate swings around its mean over a minute (0 = steady). */
  variation: number;
  /** Mean seconds a TCP/SCTP connection stays established (UDP: how long an exchange lasts). */
  meanDurationSeconds: number;
  /** Mean packets and bytes per connection, client to server and back. */
  packetsIn: number;
  packetsOut: number;
  bytesIn: number;
  bytesOut: number;
  /** How many distinct simulated clients connect (persistence and hashing follow clients). */
  clients: number;
  /** For fwmark services: what the marked traffic is (protocol, address and port the clients use). */
  target?: { protocol: Protocol; address: string; port: number };
}

export const DEFAULT_PROFILE: TrafficProfile = {
  connectionsPerSecond: 4,
  variation: 0.3,
  meanDurationSeconds: 5,
  packetsIn: 8,
  packetsOut: 10,
  bytesIn: 900,
  bytesOut: 12000,
  clients: 200,
};
