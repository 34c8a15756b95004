// The IpvsBackend contract (test/contract) on KernelBackend and the real kernel: the same suite the
// simulated backend passes under Vitest, so both backends refuse and answer alike.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { KernelBackend } from '@ipvs-dashboard/agent/ipvs';
import { mustExec } from './lib/exec.js';

// The contract project compiles to test/contract/dist; this file runs from test/kernel/dist.
const contractUrl = new URL('../../contract/dist/backend-contract.js', import.meta.url);
const { defineBackendContract } = (await import(
  contractUrl.href
)) as typeof import('../contract/backend-contract.js');

// Sync daemons need a multicast-capable interface with an IPv4 address; a veth pair inside the guest.
const DAEMON_INTERFACE = 'kcontract0';

void describe('KernelBackend keeps the backend contract', () => {
  before(() => {
    mustExec('ip', ['link', 'add', DAEMON_INTERFACE, 'type', 'veth', 'peer', 'name', 'kcontract1']);
    mustExec('ip', ['addr', 'add', '10.99.0.1/24', 'dev', DAEMON_INTERFACE]);
    mustExec('ip', ['link', 'set', DAEMON_INTERFACE, 'up']);
    mustExec('ip', ['link', 'set', 'kcontract1', 'up']);
  });
  after(() => {
    mustExec('ip', ['link', 'del', DAEMON_INTERFACE]);
  });
  defineBackendContract(
    { describe, it, beforeEach, afterEach },
    () => Promise.resolve(KernelBackend.open()),
    { daemonInterface: DAEMON_INTERFACE },
  );
});
