// The virtual services an ldirectord.cf manages: each `virtual=` line (ADDRESS:PORT, [IPv6]:PORT, or a
// firewall mark) with the `protocol=` of the indented lines under it (tcp by default). Read only.
import { canonicalAddress, serviceId, type ServiceKey } from '@ipvs-dashboard/shared';

export interface LdirectordPlan {
  services: string[];
  unnamed: number;
}

function keyOf(target: string, protocol: string): ServiceKey | null {
  if (/^\d+$/.test(target)) {
    const fwmark = Number(target);
    return fwmark > 0 ? { protocol: 'fwmark', fwmark, family: 'inet' } : null;
  }
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
  if (!match) return null;
  const address = canonicalAddress(match[1] as string);
  const port = Number(match[2]);
  const known = protocol === 'udp' || protocol === 'sctp' ? protocol : 'tcp';
  return address === null || port > 65535 ? null : { protocol: known, address, port };
}

export function ldirectordPlan(text: string): LdirectordPlan {
  const sections: { target: string; protocol: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '');
    const top = /^virtual\s*=\s*(\S+)/.exec(line);
    if (top) {
      sections.push({ target: top[1] as string, protocol: 'tcp' });
      continue;
    }
    const inner = /^\s+protocol\s*=\s*(\S+)/.exec(line);
    const current = sections[sections.length - 1];
    if (inner && current) current.protocol = (inner[1] as string).toLowerCase();
  }
  const services = new Set<string>();
  let unnamed = 0;
  for (const { target, protocol } of sections) {
    const key = keyOf(target, protocol);
    if (key) services.add(serviceId(key));
    else unnamed += 1;
  }
  return { services: [...services], unnamed };
}
