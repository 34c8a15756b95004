// Contract: real servers. Read-after-write of every field, the kernel's errors and ranges, ipvsadm's order.
import assert from 'node:assert/strict';
import type { DestinationInput, ServiceKey } from '@ipvs-dashboard/shared';
import type { ContractContext, ContractTestApi } from './contract-api.js';
import {
  destinationInput,
  missing,
  refusedWithoutChange,
  rejectsWith,
  serviceInput,
  web,
} from './contract-helpers.js';

const v6: ServiceKey = { protocol: 'tcp', address: '2001:db8::10', port: 80 };

function settingsOf(input: DestinationInput): Omit<DestinationInput, 'address' | 'port'> {
  const { address: _a, port: _p, ...settings } = input;
  return settings;
}

export function defineDestinationContract(t: ContractTestApi, ctx: () => ContractContext): void {
  t.describe('destinations', () => {
    t.beforeEach(async () => {
      await ctx().backend.addService(serviceInput(web, { scheduler: 'wrr' }));
    });

    t.it('reads back every field of each forwarding method', async () => {
      const { backend } = ctx();
      const inputs = [
        destinationInput('10.20.0.2', 8080, {
          forwarding: 'masq',
          weight: 3,
          upperThreshold: 100,
          lowerThreshold: 50,
        }),
        destinationInput('10.20.0.3', 80, { forwarding: 'route', weight: 0 }),
        destinationInput('10.20.0.4', 80, {
          forwarding: 'tunnel',
          weight: 70000,
          tunnelType: 'gue',
          tunnelPort: 6080,
          tunnelChecksum: 'csum',
        }),
        destinationInput('10.20.0.5', 80, {
          forwarding: 'tunnel',
          tunnelType: 'gre',
          tunnelChecksum: 'nocsum',
        }),
      ];
      for (const input of inputs) await backend.addDestination(web, input);
      const read = await backend.listDestinations(web);
      assert.equal(read.length, inputs.length);
      for (const input of inputs) {
        const dest = read.find((d) => d.address === input.address);
        assert.ok(dest, `${input.address} listed`);
        const {
          address,
          port,
          family,
          activeConns,
          inactiveConns,
          persistentConns,
          overloaded,
          stats,
          ...settings
        } = dest;
        assert.deepEqual([address, port, family], [input.address, input.port, 'inet']);
        assert.deepEqual(settings, settingsOf(input));
        assert.deepEqual([activeConns, inactiveConns, persistentConns, stats.conns], [0, 0, 0, 0]);
        assert.equal(overloaded, false, 'a real server without connections is not overloaded');
      }
    });

    t.it('edits every setting of a real server and reads them back', async () => {
      const { backend } = ctx();
      await backend.addDestination(web, destinationInput('10.20.0.2', 80, { forwarding: 'masq' }));
      const edited = destinationInput('10.20.0.2', 80, {
        forwarding: 'tunnel',
        weight: 7,
        upperThreshold: 1000,
        lowerThreshold: 800,
        tunnelType: 'gue',
        tunnelPort: 5555,
        tunnelChecksum: 'remcsum',
      });
      await backend.editDestination(web, edited);
      const [dest] = await backend.listDestinations(web);
      assert.ok(dest);
      const {
        address: _a,
        port: _p,
        family: _f,
        activeConns: _c,
        inactiveConns: _i,
        persistentConns: _s,
        overloaded: _o,
        stats: _t,
        ...settings
      } = dest;
      assert.deepEqual(settings, settingsOf(edited));
    });

    t.it('refuses a duplicate real server with DESTINATION_EXISTS', async () => {
      const { backend } = ctx();
      await backend.addDestination(web, destinationInput('10.20.0.2', 80, { weight: 2 }));
      await refusedWithoutChange(
        backend,
        () => backend.addDestination(web, destinationInput('10.20.0.2', 80, { weight: 9 })),
        'DESTINATION_EXISTS',
      );
    });

    t.it('tells real servers apart by port', async () => {
      const { backend } = ctx();
      await backend.addDestination(web, destinationInput('10.20.0.2', 80, { forwarding: 'masq' }));
      await backend.addDestination(web, destinationInput('10.20.0.2', 81, { forwarding: 'masq' }));
      await backend.deleteDestination(web, { address: '10.20.0.2', port: 80 });
      assert.deepEqual(
        (await backend.listDestinations(web)).map((d) => d.port),
        [81],
      );
    });

    t.it('answers DESTINATION_NOT_FOUND when editing or deleting a missing real server', async () => {
      const { backend } = ctx();
      await backend.addDestination(web, destinationInput('10.20.0.2', 80));
      await refusedWithoutChange(
        backend,
        () => backend.editDestination(web, destinationInput('10.20.0.9', 80)),
        'DESTINATION_NOT_FOUND',
      );
      await refusedWithoutChange(
        backend,
        () => backend.deleteDestination(web, { address: '10.20.0.9', port: 80 }),
        'DESTINATION_NOT_FOUND',
      );
    });

    t.it('answers SERVICE_NOT_FOUND for real servers of a missing service', async () => {
      const { backend } = ctx();
      await rejectsWith(
        backend.addDestination(missing, destinationInput('10.20.0.2', 80)),
        'SERVICE_NOT_FOUND',
      );
      await rejectsWith(
        backend.editDestination(missing, destinationInput('10.20.0.2', 80)),
        'SERVICE_NOT_FOUND',
      );
      await rejectsWith(
        backend.deleteDestination(missing, { address: '10.20.0.2', port: 80 }),
        'SERVICE_NOT_FOUND',
      );
    });

    t.it('forgets the tunnel settings when a real server stops tunnelling', async () => {
      const { backend } = ctx();
      const tunnel = {
        forwarding: 'tunnel',
        tunnelType: 'gue',
        tunnelPort: 6080,
        tunnelChecksum: 'csum',
      } as const;
      await backend.addDestination(web, destinationInput('10.20.0.2', 80, tunnel));
      await backend.editDestination(
        web,
        destinationInput('10.20.0.2', 80, { ...tunnel, forwarding: 'masq' }),
      );
      const [dest] = await backend.listDestinations(web);
      assert.deepEqual(
        [dest?.forwarding, dest?.tunnelType, dest?.tunnelPort, dest?.tunnelChecksum],
        ['masq', 'ipip', 0, 'nocsum'],
      );
    });

    t.it('lists real servers by address then port, IPv6 too', async () => {
      const { backend } = ctx();
      const order = ['10.20.0.2:80', '10.20.0.2:8080', '10.20.0.10:80', '10.30.0.1:80', '100.64.1.1:80'];
      for (const id of [3, 0, 4, 2, 1].map((i) => order[i] as string)) {
        const [address = '', port = '0'] = id.split(':');
        await backend.addDestination(web, destinationInput(address, Number(port), { forwarding: 'masq' }));
      }
      assert.deepEqual(
        (await backend.listDestinations(web)).map((d) => `${d.address}:${d.port}`),
        order,
      );
      await backend.addService(serviceInput(v6));
      for (const address of ['2001:db8::30', '2001:db8::4', '2001:db8::1:0']) {
        await backend.addDestination(v6, destinationInput(address, 80, { forwarding: 'masq' }));
      }
      const snapshot = await backend.snapshot();
      assert.deepEqual(
        snapshot.find((s) => s.family === 'inet6')?.destinations.map((d) => d.address),
        ['2001:db8::4', '2001:db8::30', '2001:db8::1:0'],
      );
    });

    t.it('deletes a real server, and deleting its service takes the rest along', async () => {
      const { backend } = ctx();
      await backend.addDestination(web, destinationInput('10.20.0.2', 80));
      await backend.addDestination(web, destinationInput('10.20.0.3', 80));
      await backend.deleteDestination(web, { address: '10.20.0.2', port: 80 });
      assert.deepEqual(
        (await backend.listDestinations(web)).map((d) => d.address),
        ['10.20.0.3'],
      );
      await backend.deleteService(web);
      await backend.addService(serviceInput(web));
      assert.deepEqual(await backend.listDestinations(web), []);
    });
  });
}
