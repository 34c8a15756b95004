// The slice of a test runner the contract needs: Vitest and node:test both provide it.
import type { IpvsBackend } from '@ipvs-dashboard/agent/ipvs';

export interface ContractTestApi {
  describe: (name: string, fn: () => void) => unknown;
  it: (name: string, fn: () => Promise<void>) => unknown;
  beforeEach: (fn: () => Promise<void>) => unknown;
  afterEach?: (fn: () => Promise<void>) => unknown;
}

export interface ContractOptions {
  /** An interface a sync daemon can bind to here (the real kernel needs one with an IPv4 address). */
  daemonInterface?: string;
}

/** The backend under test, fresh for each test (set by the shared beforeEach). */
export interface ContractContext {
  backend: IpvsBackend;
  options: Required<ContractOptions>;
}
