import { describe, expect, it } from 'vitest';
import type { DestinationInput, IpvsadmCommand, KernelCapabilities } from '@ipvs-dashboard/shared';
import { capabilityProblems, problemsError } from '../capability-check.js';

const service = (
  address: string,
  scheduler: string,
  persistenceEngine: 'sip' | null = null,
): IpvsadmCommand => ({
  kind: 'add-service',
  service: {
    protocol: 'tcp',
    address,
    port: 80,
    scheduler,
    schedulerFlags: [],
    persistence: persistenceEngine ? 300 : 0,
    netmask: '255.255.255.255',
    persistenceEngine,
    onePacket: false,
  },
});

const realServer = (address: string, tunnel: Partial<DestinationInput> = {}): IpvsadmCommand => ({
  kind: 'add-destination',
  service: { protocol: 'tcp', address: '10.0.0.1', port: 80 },
  destination: {
    address,
    port: 80,
    forwarding: 'tunnel',
    weight: 1,
    upperThreshold: 0,
    lowerThreshold: 0,
    tunnelType: 'ipip',
    tunnelPort: 0,
    tunnelChecksum: 'nocsum',
    ...tunnel,
  },
});

/** A 5.2 kernel without IPv6 or ip_vs_pe_sip. */
const oldKernel: KernelCapabilities = {
  schedulers: ['rr', 'wlc'],
  persistenceEngines: [],
  tunnelTypes: ['ipip', 'gue'],
  addressFamilies: ['inet'],
};

describe('capability-check', () => {
  it('names every command that asks for a scheduler the kernel lacks, by its line', () => {
    const commands = [service('10.0.0.1', 'twos'), service('10.0.0.2', 'rr'), service('10.0.0.3', 'twos')];
    const lines = new Map(commands.map((command, index) => [command, index + 3]));
    const problems = capabilityProblems(commands, oldKernel, (c) => lines.get(c));
    expect(problems).toEqual([
      { line: 3, message: 'line 3: scheduler "twos" is not available in this kernel (it has rr, wlc)' },
      { line: 5, message: 'line 5: scheduler "twos" is not available in this kernel (it has rr, wlc)' },
    ]);
    const error = problemsError(problems);
    expect(error.code).toBe('SCHEDULER_NOT_FOUND');
    expect(error.message).toMatch(/\(and 1 more problem\)\. Nothing was changed\.$/);
  });

  it('refuses a persistence engine, a tunnel type and IPv6 the kernel lacks, each said in words', () => {
    const problems = capabilityProblems(
      [
        service('10.0.0.1', 'rr', 'sip'),
        service('2001:db8::1', 'rr'),
        realServer('10.0.1.1', { tunnelType: 'gre' }),
        realServer('10.0.1.2', { tunnelType: 'gue', tunnelPort: 6080 }),
        realServer('2001:db8::2'),
      ],
      oldKernel,
    ).map((problem) => problem.message);
    expect(problems).toEqual([
      'persistence engine "sip" is not available in this kernel (no ip_vs_pe_sip module)',
      'the service is IPv6, and this kernel has no IPv6 (disabled at boot or not built)',
      'tunnel type gre needs Linux 5.3 or later (this kernel has ipip, gue)',
      'the real server is IPv6, and this kernel has no IPv6 (disabled at boot or not built)',
    ]);
    expect(problemsError(problems.map((message) => ({ message }))).code).toBe('VALIDATION_FAILED');
  });

  it("does not refuse a scheduler or persistence engine when the kernel's modules cannot be listed", () => {
    const unknownModules = { ...oldKernel, schedulers: [], persistenceEngines: [] };
    expect(capabilityProblems([service('10.0.0.1', 'mh', 'sip')], unknownModules)).toEqual([]);
  });
});
