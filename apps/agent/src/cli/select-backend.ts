import { readFile } from 'node:fs/promises';
import { AppError } from '@ipvs-dashboard/shared';
import type { BackendChoice } from '../config/index.js';
import type { IpvsBackend } from '../ipvs/backend/backend.js';

/** CAP_NET_ADMIN is capability bit 12 (include/uapi/linux/capability.h); IPVS netlink commands need it. */
const CAP_NET_ADMIN = 12n;

export async function hasNetAdmin(statusPath = '/proc/self/status'): Promise<boolean> {
  try {
    const match = /^CapEff:\s*([0-9a-f]+)$/m.exec(await readFile(statusPath, 'utf8'));
    return match?.[1] !== undefined && ((BigInt(`0x${match[1]}`) >> CAP_NET_ADMIN) & 1n) === 1n;
  } catch {
    return false;
  }
}

export interface BackendFactories {
  openKernel: () => Promise<IpvsBackend>;
  openSimulated: () => IpvsBackend;
  hasNetAdmin: () => Promise<boolean>;
}

/**
 * `kernel` and `simulated` are taken as asked (a kernel failure is fatal, not silently simulated);
 * `auto` prefers the kernel and says plainly why it fell back, for the log and /api/v1/info.
 */
export async function selectBackend(
  choice: BackendChoice,
  factories: BackendFactories,
): Promise<{ backend: IpvsBackend; reason: string | null }> {
  if (choice === 'simulated') return { backend: factories.openSimulated(), reason: null };
  if (choice === 'kernel') return { backend: await factories.openKernel(), reason: null };
  if (!(await factories.hasNetAdmin())) {
    return {
      backend: factories.openSimulated(),
      reason:
        'Simulated demo table: the agent lacks CAP_NET_ADMIN, so it cannot manage the kernel IPVS table.',
    };
  }
  try {
    return {
      backend: await factories.openKernel(),
      reason: 'IPVS found in this kernel and CAP_NET_ADMIN held.',
    };
  } catch (error) {
    const why = error instanceof AppError ? error.message : String(error);
    return {
      backend: factories.openSimulated(),
      reason: `Simulated demo table: the kernel IPVS is unusable (${why})`,
    };
  }
}
