import { describe, expect, it } from 'vitest';
import type { IpvsadmCommand } from '@ipvs-dashboard/shared';
import { capabilityProblems, problemsError } from '../capability-check.js';

const service = (address: string, scheduler: string): IpvsadmCommand => ({
  kind: 'add-service',
  service: {
    protocol: 'tcp',
    address,
    port: 80,
    scheduler,
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
  },
});

describe('capability-check', () => {
  it('names every command that asks for a scheduler the kernel lacks, by its line', () => {
    const commands = [service('10.0.0.1', 'twos'), service('10.0.0.2', 'rr'), service('10.0.0.3', 'twos')];
    const lines = new Map(commands.map((command, index) => [command, index + 3]));
    const problems = capabilityProblems(commands, { schedulers: ['rr', 'wlc'] }, (c) => lines.get(c));
    expect(problems).toEqual([
      { line: 3, message: 'line 3: scheduler "twos" is not available in this kernel (it has rr, wlc)' },
      { line: 5, message: 'line 5: scheduler "twos" is not available in this kernel (it has rr, wlc)' },
    ]);
    const error = problemsError(problems);
    expect(error.code).toBe('SCHEDULER_NOT_FOUND');
    expect(error.message).toMatch(/\(and 1 more problem\)\. Nothing was changed\.$/);
  });

  it("does not refuse anything when the kernel's schedulers cannot be listed", () => {
    expect(capabilityProblems([service('10.0.0.1', 'mh')], { schedulers: [] })).toEqual([]);
  });
});
