// The owners as GET /info and the change log see them: detected at most every few seconds (a scan
// reads /proc), and never with the simulated backend, whose table no other program can touch.
import { networkInterfaces } from 'node:os';
import { canonicalAddress, type TableOwner } from '@ipvs-dashboard/shared';
import { detectOwners, type DetectOptions } from './detect-owners.js';

const freshForMs = 5000;

export function localAddresses(): Set<string> {
  const found = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) {
      const address = canonicalAddress(entry.address.replace(/%.*$/, ''));
      if (address !== null) found.add(address);
    }
  }
  return found;
}

export class TableOwners {
  private cached: { at: number; owners: Promise<TableOwner[]> } | null = null;

  constructor(
    private readonly enabled: boolean,
    private readonly options: DetectOptions = { localAddresses },
    private readonly now: () => number = Date.now,
  ) {}

  /** The owners found by a scan at most `maxAgeMs` old (a new scan when the last one is older). */
  current(maxAgeMs = freshForMs): Promise<TableOwner[]> {
    if (!this.enabled) return Promise.resolve([]);
    const at = this.now();
    if (this.cached === null || at - this.cached.at > maxAgeMs) {
      this.cached = { at, owners: detectOwners(this.options).catch(() => []) };
    }
    return this.cached.owners;
  }
}
