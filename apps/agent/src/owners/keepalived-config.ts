// What a keepalived.conf manages in the IPVS table (its virtual_server blocks, as serviceId()s) and its
// VRRP instances (the virtual addresses a MASTER holds). Read only; keepalived's files are never written.
import { canonicalAddress, serviceId, type ServiceKey } from '@ipvs-dashboard/shared';
import type { Statement } from './config-blocks.js';

export interface KeepalivedVrrp {
  instance: string;
  configuredState: 'master' | 'backup' | null;
  virtualAddresses: string[];
}

export interface KeepalivedPlan {
  services: string[];
  vrrp: KeepalivedVrrp[];
  /** Virtual servers that could not be named (ranges, unknown groups). */
  unnamed: number;
}

const protocols = new Map([
  ['TCP', 'tcp'],
  ['UDP', 'udp'],
  ['SCTP', 'sctp'],
] as const);

function option(block: Statement[] | null, name: string): string[] | undefined {
  return block?.find((s) => s.words[0] === name)?.words.slice(1);
}

/** `IP PORT` or `fwmark N` of a virtual_server (or a group entry); null when it names no one service. */
function keyOf(words: readonly string[], block: Statement[] | null): ServiceKey | null {
  const inet6 = option(block, 'ip_family')?.[0] === 'inet6';
  if (words[0] === 'fwmark') {
    const fwmark = Number(words[1]);
    if (!Number.isInteger(fwmark) || fwmark <= 0) return null;
    return { protocol: 'fwmark', fwmark, family: inet6 ? 'inet6' : 'inet' };
  }
  const address = canonicalAddress(words[0] ?? '');
  const port = Number(words[1] ?? 0);
  if (address === null || !Number.isInteger(port) || port < 0 || port > 65535) return null;
  const protocol = protocols.get((option(block, 'protocol')?.[0] ?? 'TCP').toUpperCase() as 'TCP') ?? 'tcp';
  return { protocol, address, port };
}

function groups(statements: readonly Statement[]): Map<string, string[][]> {
  const found = new Map<string, string[][]>();
  for (const s of statements) {
    if (s.words[0] === 'virtual_server_group' && s.words[1] && s.block) {
      found.set(
        s.words[1],
        s.block.map((entry) => entry.words),
      );
    }
  }
  return found;
}

function addressesOf(block: Statement[] | null): string[] {
  const addresses: string[] = [];
  for (const entry of block ?? []) {
    const first = entry.words[0];
    if (!first) continue;
    const address = canonicalAddress(first.replace(/\/\d+$/, ''));
    if (address !== null) addresses.push(address);
  }
  return addresses;
}

export function keepalivedPlan(statements: readonly Statement[]): KeepalivedPlan {
  const services = new Set<string>();
  const vrrp: KeepalivedVrrp[] = [];
  const byGroup = groups(statements);
  let unnamed = 0;
  for (const s of statements) {
    if (s.words[0] === 'virtual_server') {
      const rest = s.words.slice(1);
      const entries = rest[0] === 'group' ? byGroup.get(rest[1] ?? '') : [rest];
      if (!entries) {
        unnamed += 1;
        continue;
      }
      for (const entry of entries) {
        const key = keyOf(entry, s.block);
        if (key) services.add(serviceId(key));
        else unnamed += 1;
      }
    } else if (s.words[0] === 'vrrp_instance' && s.words[1]) {
      const state = option(s.block, 'state')?.[0]?.toUpperCase();
      vrrp.push({
        instance: s.words[1],
        configuredState: state === 'MASTER' ? 'master' : state === 'BACKUP' ? 'backup' : null,
        virtualAddresses: [
          ...addressesOf(s.block?.find((b) => b.words[0] === 'virtual_ipaddress')?.block ?? null),
          ...addressesOf(s.block?.find((b) => b.words[0] === 'virtual_ipaddress_excluded')?.block ?? null),
        ],
      });
    }
  }
  return { services: [...services], vrrp, unnamed };
}
