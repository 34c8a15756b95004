import { afterEach, describe, it, vi } from 'vitest';
import { expectAnnounced } from '../../../../testing/expect-announced';
import { useCreateService } from '../create-service';

describe('overview mutations', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creating a service offers Undo of it', async () => {
    await expectAnnounced(
      useCreateService,
      {
        protocol: 'tcp',
        address: '10.0.0.9',
        port: 80,
        scheduler: 'rr',
        schedulerFlags: [],
        persistence: 0,
        netmask: '255.255.255.255',
        persistenceEngine: null,
        onePacket: false,
      },
      'add-service',
    );
  });
});
