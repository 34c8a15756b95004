// Contract: virtual services. Read-after-write of every field, the kernel's errors, ipvsadm's order.
import assert from 'node:assert/strict';
import type { ServiceKey } from '@ipvs-dashboard/shared';
import type { ContractContext, ContractTestApi } from './contract-api.js';
import { missing, refusedWithoutChange, rejectsWith, serviceInput, web } from './contract-helpers.js';

export function defineServiceContract(t: ContractTestApi, ctx: () => ContractContext): void {
  t.describe('services', () => {
    t.it('reads back every field of a service as written', async () => {
      const { backend } = ctx();
      const inputs = [
        serviceInput(web, { scheduler: 'wrr' }),
        serviceInput(
          { protocol: 'tcp', address: '10.10.10.10', port: 443 },
          {
            scheduler: 'sh',
            schedulerFlags: ['sh-fallback', 'sh-port'],
            persistence: 600,
            netmask: '255.255.255.0',
          },
        ),
        serviceInput(
          { protocol: 'udp', address: '10.10.10.10', port: 53 },
          { scheduler: 'rr', onePacket: true },
        ),
        serviceInput({ protocol: 'sctp', address: '10.10.10.10', port: 3868 }, { scheduler: 'lc' }),
        serviceInput(
          { protocol: 'tcp', address: '2001:db8::10', port: 80 },
          { scheduler: 'mh', schedulerFlags: ['mh-port'], persistence: 300, netmask: '64' },
        ),
        serviceInput(
          { protocol: 'fwmark', fwmark: 7, family: 'inet' },
          { scheduler: 'rr', persistence: 360 },
        ),
        serviceInput({ protocol: 'fwmark', fwmark: 8, family: 'inet6' }, { scheduler: 'wlc' }),
      ];
      for (const input of inputs) await backend.addService(input);
      for (const input of inputs) {
        const service = await backend.getService(input);
        const { key, family, stats, ...settings } = service;
        const expectedKey: ServiceKey =
          input.protocol === 'fwmark'
            ? { protocol: 'fwmark', fwmark: input.fwmark, family: input.family }
            : { protocol: input.protocol, address: input.address, port: input.port };
        assert.deepEqual(key, expectedKey);
        assert.equal(
          family,
          input.protocol === 'fwmark' ? input.family : input.address.includes(':') ? 'inet6' : 'inet',
        );
        assert.deepEqual(settings, {
          scheduler: input.scheduler,
          schedulerFlags: input.schedulerFlags,
          persistence: input.persistence,
          netmask: input.netmask,
          persistenceEngine: input.persistenceEngine,
          onePacket: input.onePacket,
        });
        assert.equal(stats.conns, 0);
        assert.equal(stats.inBytes, 0);
      }
    });

    t.it('reads back a persistence engine', async () => {
      const { backend } = ctx();
      const sip: ServiceKey = { protocol: 'udp', address: '10.10.10.10', port: 5060 };
      await backend.addService(
        serviceInput(sip, { scheduler: 'rr', persistence: 60, persistenceEngine: 'sip' }),
      );
      assert.equal((await backend.getService(sip)).persistenceEngine, 'sip');
    });

    t.it('spells addresses canonically whatever the input spelling', async () => {
      const { backend } = ctx();
      await backend.addService(serviceInput({ protocol: 'tcp', address: '2001:DB8:0:0::A', port: 8080 }));
      const [service] = await backend.listServices();
      assert.deepEqual(service?.key, { protocol: 'tcp', address: '2001:db8::a', port: 8080 });
    });

    t.it('refuses a duplicate with SERVICE_EXISTS and keeps the original', async () => {
      const { backend } = ctx();
      await backend.addService(serviceInput(web, { scheduler: 'wrr' }));
      await refusedWithoutChange(
        backend,
        () => backend.addService(serviceInput(web, { scheduler: 'rr' })),
        'SERVICE_EXISTS',
      );
      assert.equal((await backend.getService(web)).scheduler, 'wrr');
    });

    t.it('refuses an unknown scheduler or persistence engine with SCHEDULER_NOT_FOUND', async () => {
      const { backend } = ctx();
      await refusedWithoutChange(
        backend,
        () => backend.addService(serviceInput(web, { scheduler: 'nosuch' })),
        'SCHEDULER_NOT_FOUND',
      );
      await refusedWithoutChange(
        backend,
        () => backend.addService(serviceInput(web, { persistence: 60, persistenceEngine: 'nosuch' })),
        'SCHEDULER_NOT_FOUND',
      );
      await backend.addService(serviceInput(web));
      await refusedWithoutChange(
        backend,
        () => backend.editService(web, serviceInput(web, { scheduler: 'nosuch' })),
        'SCHEDULER_NOT_FOUND',
      );
    });

    t.it('refuses an IPv6 netmask outside 1..128 and malformed input', async () => {
      const { backend } = ctx();
      const v6: ServiceKey = { protocol: 'tcp', address: '2001:db8::10', port: 80 };
      for (const netmask of ['0', '129']) {
        await refusedWithoutChange(
          backend,
          () => backend.addService(serviceInput(v6, { persistence: 60, netmask })),
          'VALIDATION_FAILED',
          'INVALID_OPERATION',
        );
      }
      await refusedWithoutChange(
        backend,
        () => backend.addService(serviceInput({ protocol: 'tcp', address: '10.0.0.300', port: 80 })),
        'VALIDATION_FAILED',
      );
      await refusedWithoutChange(
        backend,
        () => backend.addService(serviceInput({ protocol: 'tcp', address: '10.0.0.1', port: 65536 })),
        'VALIDATION_FAILED',
      );
    });

    t.it('edits every setting and reads the new values back', async () => {
      const { backend } = ctx();
      await backend.addService(serviceInput(web));
      const edited = serviceInput(web, {
        scheduler: 'sh',
        schedulerFlags: ['sh-fallback'],
        persistence: 1800,
        netmask: '255.255.0.0',
      });
      await backend.editService(web, edited);
      const service = await backend.getService(web);
      assert.equal(service.scheduler, 'sh');
      assert.deepEqual(service.schedulerFlags, ['sh-fallback']);
      assert.equal(service.persistence, 1800);
      assert.equal(service.netmask, '255.255.0.0');
      await backend.editService(web, serviceInput(web, { scheduler: 'rr' }));
      const back = await backend.getService(web);
      assert.deepEqual([back.scheduler, back.schedulerFlags, back.persistence], ['rr', [], 0]);
    });

    t.it('answers SERVICE_NOT_FOUND for every operation on a missing service', async () => {
      const { backend } = ctx();
      await rejectsWith(backend.getService(missing), 'SERVICE_NOT_FOUND');
      await rejectsWith(backend.editService(missing, serviceInput(missing)), 'SERVICE_NOT_FOUND');
      await rejectsWith(backend.deleteService(missing), 'SERVICE_NOT_FOUND');
      await rejectsWith(backend.listDestinations(missing), 'SERVICE_NOT_FOUND');
      await rejectsWith(backend.zero(missing), 'SERVICE_NOT_FOUND');
      const fwmark: ServiceKey = { protocol: 'fwmark', fwmark: 99, family: 'inet' };
      await rejectsWith(backend.getService(fwmark), 'SERVICE_NOT_FOUND');
    });

    t.it('deletes a service, which then is gone', async () => {
      const { backend } = ctx();
      await backend.addService(serviceInput(web));
      await backend.addService(serviceInput({ protocol: 'udp', address: '10.10.10.10', port: 53 }));
      await backend.deleteService(web);
      assert.deepEqual(
        (await backend.listServices()).map((s) => s.key),
        [{ protocol: 'udp', address: '10.10.10.10', port: 53 }],
      );
      await rejectsWith(backend.getService(web), 'SERVICE_NOT_FOUND');
      await rejectsWith(backend.deleteService(web), 'SERVICE_NOT_FOUND');
    });

    t.it('keeps a fwmark service of each family apart', async () => {
      const { backend } = ctx();
      await backend.addService(serviceInput({ protocol: 'fwmark', fwmark: 5, family: 'inet' }));
      await backend.addService(serviceInput({ protocol: 'fwmark', fwmark: 5, family: 'inet6' }));
      await backend.deleteService({ protocol: 'fwmark', fwmark: 5, family: 'inet' });
      const [left] = await backend.listServices();
      assert.deepEqual(left?.key, { protocol: 'fwmark', fwmark: 5, family: 'inet6' });
    });

    t.it('lists services in ipvsadm order: fwmark, family, protocol, address, port', async () => {
      const { backend } = ctx();
      const expected: ServiceKey[] = [
        { protocol: 'tcp', address: '10.0.0.2', port: 80 },
        { protocol: 'tcp', address: '10.0.0.10', port: 22 },
        { protocol: 'tcp', address: '10.0.0.10', port: 443 },
        { protocol: 'tcp', address: '100.64.0.1', port: 80 },
        { protocol: 'udp', address: '10.0.0.1', port: 53 },
        { protocol: 'sctp', address: '10.0.0.1', port: 3868 },
        { protocol: 'tcp', address: '2001:db8::2', port: 80 },
        { protocol: 'tcp', address: '2001:db8::10', port: 80 },
        { protocol: 'fwmark', fwmark: 3, family: 'inet' },
        { protocol: 'fwmark', fwmark: 3, family: 'inet6' },
        { protocol: 'fwmark', fwmark: 20, family: 'inet' },
      ];
      const shuffled = [5, 10, 0, 8, 2, 6, 9, 1, 4, 7, 3].map((i) => expected[i] as ServiceKey);
      for (const key of shuffled) await backend.addService(serviceInput(key));
      assert.deepEqual(
        (await backend.listServices()).map((s) => s.key),
        expected,
      );
      assert.deepEqual(
        (await backend.snapshot()).map((s) => s.key),
        expected,
      );
    });

    t.it('clears every service', async () => {
      const { backend } = ctx();
      await backend.addService(serviceInput(web));
      await backend.addService(serviceInput({ protocol: 'fwmark', fwmark: 1, family: 'inet' }));
      await backend.clear();
      assert.deepEqual(await backend.listServices(), []);
      assert.deepEqual(await backend.snapshot(), []);
    });
  });
}
