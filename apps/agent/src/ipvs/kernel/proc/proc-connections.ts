// /proc/net/ip_vs_conn -> Connection[] (kernel ip_vs_conn.c ip_vs_conn_seq_show; reference §6.1). There is
// no netlink dump of the connection table, so this file is the only source (ipvsadm -Lnc reads it too).
import { readFile } from 'node:fs/promises';
import type { Connection } from '@ipvs-dashboard/shared';
import { addressToBytes, ipv6FromBytes } from '../codec/address.js';

export const IP_VS_CONN_PATH = '/proc/net/ip_vs_conn';

/** "%08X" of ntohl(addr) for IPv4, "%pI6" (8 full groups, lowercase) for IPv6: told apart by the colon. */
function procAddress(field: string): string {
  if (field.includes(':')) return ipv6FromBytes(addressToBytes(field, 'inet6'));
  const value = parseInt(field, 16);
  return `${value >>> 24}.${(value >>> 16) & 0xff}.${(value >>> 8) & 0xff}.${value & 0xff}`;
}

/**
 * Persistence templates (IP_VS_CONN_F_TEMPLATE) are not flagged in the file; they are the entries with
 * client port 0 in state NONE/ASSURED, and for fwmark services protocol "IP" (ip_vs_conn.c).
 */
function isTemplate(protocol: string, clientPort: number, state: string): boolean {
  return protocol === 'IP' || (clientPort === 0 && (state === 'NONE' || state === 'ASSURED'));
}

/** One row, or null for the header and anything that is not a connection line. */
export function parseConnectionLine(line: string): Connection | null {
  const f = line.trim().split(/\s+/);
  if (f.length < 9 || f[0] === 'Pro') return null;
  const [protocol, from, fromPort, to, toPort, dest, destPort, state, expires] = f as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const clientPort = parseInt(fromPort, 16);
  // For fwmark templates the kernel prints the mark where the virtual address goes: kept as printed.
  const virtualAddress = protocol === 'IP' && !to.includes(':') ? to : procAddress(to);
  const connection: Connection = {
    protocol,
    clientAddress: procAddress(from),
    clientPort,
    virtualAddress,
    virtualPort: parseInt(toPort, 16),
    destAddress: procAddress(dest),
    destPort: parseInt(destPort, 16),
    state,
    expiresSeconds: Number(expires),
    template: isTemplate(protocol, clientPort, state),
    persistenceEngine: f[9] ?? null,
    persistenceData: f.length > 10 ? f.slice(10).join(' ') : null,
  };
  return Number.isNaN(connection.clientPort + connection.virtualPort + connection.destPort)
    ? null
    : connection;
}

export function parseIpvsConnections(text: string): Connection[] {
  const connections: Connection[] = [];
  for (const line of text.split('\n')) {
    const connection = parseConnectionLine(line);
    if (connection !== null) connections.push(connection);
  }
  return connections;
}

/** Reads and parses the connection table of the agent's network namespace. */
export async function readIpvsConnections(path = IP_VS_CONN_PATH): Promise<Connection[]> {
  return parseIpvsConnections(await readFile(path, 'utf8'));
}
