import { describe, expect, it } from 'vitest';
import { AppError, type DestinationInput, type IpvsadmCommand } from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../../ipvs/backend/backend.js';
import type { BatchFailure, TableCommand } from '../../ipvs/index.js';
import { applySteps } from '../apply-steps.js';

const dest = (address: string): DestinationInput => ({
  address,
  port: 80,
  forwarding: 'masq',
  weight: 1,
  upperThreshold: 0,
  lowerThreshold: 0,
  tunnelType: 'ipip',
  tunnelPort: 0,
  tunnelChecksum: 'nocsum',
});
const kept = { protocol: 'tcp', address: '10.0.0.1', port: 80 } as const;
const added = { protocol: 'tcp', address: '10.0.0.2', port: 80 } as const;
const leftOut = { protocol: 'tcp', address: '10.0.0.3', port: 80 } as const;

/**
 * A backend whose batches behave as the kernel's netlink datagrams do: a refused step does not stop the
 * rest of its batch; the first refusal is reported.
 */
function kernelLikeBackend(refuses: (command: TableCommand) => boolean) {
  const ran: string[] = [];
  const backend = {
    applyBatch(commands: readonly TableCommand[]): Promise<BatchFailure | null> {
      let failure: BatchFailure | null = null;
      commands.forEach((command, index) => {
        if (refuses(command)) failure ??= { index, error: new AppError('VALIDATION_FAILED', 'refused') };
        else ran.push(command.op);
      });
      return Promise.resolve(failure);
    },
  } as unknown as IpvsBackend;
  return { backend, ran };
}

describe('applySteps', () => {
  it('never sends removals in the batch of the additions before them, so a refused addition removes nothing', async () => {
    const commands: IpvsadmCommand[] = [
      {
        kind: 'add-service',
        service: {
          ...added,
          scheduler: 'rr',
          schedulerFlags: [],
          persistence: 0,
          netmask: '255.255.255.255',
          persistenceEngine: null,
          onePacket: false,
        },
      },
      { kind: 'add-destination', service: added, destination: dest('224.0.0.1') },
      { kind: 'delete-destination', service: kept, destination: dest('10.0.1.1') },
      { kind: 'delete-service', service: leftOut },
    ];
    const { backend, ran } = kernelLikeBackend(
      (command) => command.op === 'add-destination' && command.dest.address === '224.0.0.1',
    );
    const progress: number[] = [];
    const failure = await applySteps(backend, commands, (applied) => {
      progress.push(applied);
      return Promise.resolve();
    });
    expect(failure?.index).toBe(1);
    expect(ran).toEqual(['add-service']);
    expect(progress).toEqual([]);
  });

  it('still sends a run of removals as one batch after the additions', async () => {
    const commands: IpvsadmCommand[] = [
      { kind: 'add-destination', service: kept, destination: dest('10.0.1.9') },
      { kind: 'delete-destination', service: kept, destination: dest('10.0.1.1') },
      { kind: 'delete-service', service: leftOut },
    ];
    const batches: number[] = [];
    const backend = {
      applyBatch(batch: readonly TableCommand[]) {
        batches.push(batch.length);
        return Promise.resolve(null);
      },
    } as unknown as IpvsBackend;
    expect(await applySteps(backend, commands, () => Promise.resolve())).toBeNull();
    expect(batches).toEqual([1, 2]);
  });
});
