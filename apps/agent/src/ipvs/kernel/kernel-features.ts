// What this kernel's IPVS can do that depends on its version or boot options rather than on modules.
// Asked before a change's first step, so a change the kernel would refuse (or, worse, silently read as
// something else: a kernel before 5.2 ignores the tunnel type attribute and makes an ipip tunnel) is
// refused whole instead.
import { existsSync } from 'node:fs';
import type { AddressFamily, KernelCapabilities, TunnelType } from '@ipvs-dashboard/shared';
import { availableIpvsModules, type SchedulerSources } from './available-schedulers.js';

/** gue came with Linux 5.2 (IPVS_DEST_ATTR_TUN_TYPE), gre with 5.3; an unreadable release refuses none. */
export function tunnelTypesOf(release: string): TunnelType[] {
  const match = /^(\d+)\.(\d+)/.exec(release);
  if (!match) return ['ipip', 'gue', 'gre'];
  const version = Number(match[1]) * 1000 + Number(match[2]);
  if (version >= 5003) return ['ipip', 'gue', 'gre'];
  if (version >= 5002) return ['ipip', 'gue'];
  return ['ipip'];
}

/** /proc/sys/net/ipv6 is absent when the kernel has no IPv6 or was booted with ipv6.disable=1. */
export function addressFamiliesOf(ipv6SysctlDir = '/proc/sys/net/ipv6'): AddressFamily[] {
  return existsSync(ipv6SysctlDir) ? ['inet', 'inet6'] : ['inet'];
}

/** Everything GET /info and the change pipeline's capability check need to know of this kernel. */
export async function kernelCapabilities(sources: SchedulerSources): Promise<KernelCapabilities> {
  return {
    ...(await availableIpvsModules(sources)),
    tunnelTypes: tunnelTypesOf(sources.release),
    addressFamilies: addressFamiliesOf(),
  };
}
