// The IpvsBackend contract: what every backend (kernel, simulated) must do, written against
// node:assert/strict so it runs under Vitest here and under node:test in the user-mode Linux guest.
// Vitest: apps/agent/src/simulated/__tests__/contract.test.ts. node:test: `npx tsc -b test/contract` emits
// test/contract/dist/backend-contract.js, then in the guest:
//   defineBackendContract({ describe, it, beforeEach, afterEach }, async () => KernelBackend.open());
import type { IpvsBackend } from '@ipvs-dashboard/agent/ipvs';
import type { ContractContext, ContractOptions, ContractTestApi } from './contract-api.js';
import { defineConfigContract } from './contract-config.js';
import { defineDestinationContract } from './contract-destinations.js';
import { defineDestinationLimitContract } from './contract-destination-limits.js';
import { defineServiceContract } from './contract-services.js';

export type { ContractOptions, ContractTestApi } from './contract-api.js';

/**
 * Defines the contract suite. `makeBackend` gives a backend for one test; the suite clears its table
 * before and after each test, stops the sync daemons it starts, and restores timeouts and settings.
 */
export function defineBackendContract(
  t: ContractTestApi,
  makeBackend: () => Promise<IpvsBackend>,
  options: ContractOptions = {},
): void {
  let context: ContractContext | undefined;
  const ctx = (): ContractContext => {
    if (!context) throw new Error('The contract backend is made in beforeEach.');
    return context;
  };
  t.describe('IpvsBackend contract', () => {
    t.beforeEach(async () => {
      const backend = await makeBackend();
      await backend.clear();
      context = { backend, options: { daemonInterface: options.daemonInterface ?? 'lo' } };
    });
    t.afterEach?.(async () => {
      if (!context) return;
      await context.backend.clear();
      await context.backend.close();
      context = undefined;
    });
    defineServiceContract(t, ctx);
    defineDestinationContract(t, ctx);
    defineDestinationLimitContract(t, ctx);
    defineConfigContract(t, ctx);
  });
}
