// The connection table as /proc/net/ip_vs_conn shows it, in the shape the kernel client parses it into.
// Templates: client port 0, client masked with the persistence netmask, state ASSURED once a connection
// under it is established (all of ours are; seen in the UML guest: `TCP 10.10.1.0:0 ... ASSURED 59` for -p 60
// -M 255.255.255.0), and for fwmark services protocol "IP" with the mark as %08X for the address (§6.1).
import type { Connection, Timeouts } from '@ipvs-dashboard/shared';
import type { ConnectionTable } from './connection-table.js';
import type { SimConnection, SimTemplate } from './sim-connection.js';

function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

function connectionRow(
  conn: SimConnection,
  now: number,
  table: ConnectionTable,
  timeouts: Timeouts,
): Connection {
  // While packets flow the kernel re-arms the state timeout with each one.
  const open = conn.closedAt === Number.POSITIVE_INFINITY;
  const expires = !open
    ? secondsLeft(conn.closedAt + table.lingerMs(conn.protocol), now)
    : conn.protocol === 'UDP'
      ? timeouts.udp
      : timeouts.tcp;
  return {
    protocol: conn.protocol,
    clientAddress: conn.client,
    clientPort: conn.clientPort,
    virtualAddress: conn.virtualAddress,
    virtualPort: conn.virtualPort,
    destAddress: conn.dest.address,
    destPort: conn.dest.port,
    state: conn.state,
    expiresSeconds: expires,
    template: false,
    persistenceEngine: null,
    persistenceData: null,
    fwmark: null,
  };
}

function templateRow(template: SimTemplate, now: number): Connection {
  const key = template.svc.key;
  const fwmark = key.protocol === 'fwmark';
  return {
    protocol: fwmark ? 'IP' : key.protocol.toUpperCase(),
    clientAddress: template.client,
    clientPort: 0,
    virtualAddress: fwmark ? key.fwmark.toString(16).toUpperCase().padStart(8, '0') : key.address,
    virtualPort: fwmark ? 0 : key.port,
    destAddress: template.dest.address,
    destPort: template.dest.port,
    state: 'ASSURED',
    expiresSeconds: secondsLeft(template.expiresAt, now),
    template: true,
    persistenceEngine: null,
    persistenceData: null,
    fwmark: fwmark ? key.fwmark : null,
  };
}

export function procRows(table: ConnectionTable, now: number, timeouts: Timeouts): Connection[] {
  return [
    ...[...table.templates.values()].map((t) => templateRow(t, now)),
    ...[...table.connections()].map((c) => connectionRow(c, now, table, timeouts)),
  ];
}
