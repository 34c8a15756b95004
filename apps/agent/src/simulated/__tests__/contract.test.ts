// Runs the shared IpvsBackend contract (test/contract) on SimulatedBackend. The contract lives outside this
// project's rootDir, so it is imported at run time and its one entry point typed here.
import { afterEach, beforeEach, describe, it } from 'vitest';
import type { IpvsBackend } from '../../ipvs/backend/backend.js';
import { SimulatedBackend } from '../simulated-backend.js';

type DefineBackendContract = (
  t: { describe: typeof describe; it: typeof it; beforeEach: typeof beforeEach; afterEach: typeof afterEach },
  makeBackend: () => Promise<IpvsBackend>,
) => void;

const contractPath = '../../../../../test/contract/backend-contract.js';
const { defineBackendContract } = (await import(contractPath)) as {
  defineBackendContract: DefineBackendContract;
};

defineBackendContract({ describe, it, beforeEach, afterEach }, () => Promise.resolve(new SimulatedBackend()));
