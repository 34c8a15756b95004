// Contract: what the kernel refuses of a real server, the same on both backends: thresholds out of order,
// weights beyond 2^31-1, the other address family untunnelled, addresses that are not unicast, mixed
// families beside a sync daemon, a GUE tunnel without its port.
import assert from 'node:assert/strict';
import type { ContractContext, ContractTestApi } from './contract-api.js';
import {
  destinationInput,
  refusedWithoutChange,
  rejectsWith,
  serviceInput,
  web,
} from './contract-helpers.js';

export function defineDestinationLimitContract(t: ContractTestApi, ctx: () => ContractContext): void {
  t.describe('destination limits', () => {
    t.beforeEach(async () => {
      await ctx().backend.addService(serviceInput(web, { scheduler: 'wrr' }));
    });

    t.it('refuses a lower threshold above the upper one, even with no upper limit', async () => {
      const { backend } = ctx();
      await refusedWithoutChange(
        backend,
        () =>
          backend.addDestination(
            web,
            destinationInput('10.20.0.2', 80, { upperThreshold: 5, lowerThreshold: 10 }),
          ),
        'OUT_OF_RANGE',
      );
      await refusedWithoutChange(
        backend,
        () =>
          backend.addDestination(
            web,
            destinationInput('10.20.0.2', 80, { upperThreshold: 0, lowerThreshold: 1 }),
          ),
        'OUT_OF_RANGE',
      );
      await backend.addDestination(web, destinationInput('10.20.0.2', 80));
      await refusedWithoutChange(
        backend,
        () =>
          backend.editDestination(
            web,
            destinationInput('10.20.0.2', 80, { upperThreshold: 5, lowerThreshold: 6 }),
          ),
        'OUT_OF_RANGE',
      );
    });

    t.it('accepts weights up to 2^31-1 and refuses 2^31 with OUT_OF_RANGE', async () => {
      const { backend } = ctx();
      await backend.addDestination(web, destinationInput('10.20.0.2', 80, { weight: 2 ** 31 - 1 }));
      assert.equal((await backend.listDestinations(web))[0]?.weight, 2 ** 31 - 1);
      await refusedWithoutChange(
        backend,
        () => backend.addDestination(web, destinationInput('10.20.0.3', 80, { weight: 2 ** 31 })),
        'OUT_OF_RANGE',
      );
    });

    t.it('refuses a real server of the other family unless it is tunnelled', async () => {
      const { backend } = ctx();
      await refusedWithoutChange(
        backend,
        () => backend.addDestination(web, destinationInput('2001:db8::20', 80, { forwarding: 'masq' })),
        'INVALID_OPERATION',
        'ADDRESS_FAMILY_NOT_SUPPORTED',
      );
      await backend.addDestination(web, destinationInput('2001:db8::20', 80, { forwarding: 'tunnel' }));
      const [dest] = await backend.listDestinations(web);
      assert.deepEqual([dest?.address, dest?.family, dest?.forwarding], ['2001:db8::20', 'inet6', 'tunnel']);
    });

    t.it('refuses a real server that is not unicast with INVALID_OPERATION', async () => {
      const { backend } = ctx();
      await refusedWithoutChange(
        backend,
        () => backend.addDestination(web, destinationInput('224.0.0.5', 80, { forwarding: 'masq' })),
        'INVALID_OPERATION',
      );
    });

    t.it('keeps mixed-family real servers and sync daemons apart with INVALID_OPERATION', async () => {
      const { backend, options } = ctx();
      const v6dest = destinationInput('2001:db8::20', 80, { forwarding: 'tunnel' });
      await backend.startDaemon({ state: 'master', interface: options.daemonInterface });
      try {
        await refusedWithoutChange(backend, () => backend.addDestination(web, v6dest), 'INVALID_OPERATION');
      } finally {
        await backend.stopDaemon('master');
      }
      await backend.addDestination(web, v6dest);
      await rejectsWith(
        backend.startDaemon({ state: 'master', interface: options.daemonInterface }),
        'INVALID_OPERATION',
      );
      assert.deepEqual(await backend.listDaemons(), []);
    });

    t.it('refuses a GUE tunnel without a port', async () => {
      const { backend } = ctx();
      await refusedWithoutChange(
        backend,
        () =>
          backend.addDestination(
            web,
            destinationInput('10.20.0.2', 80, { forwarding: 'tunnel', tunnelType: 'gue', tunnelPort: 0 }),
          ),
        'VALIDATION_FAILED',
        'INVALID_OPERATION',
      );
    });
  });
}
