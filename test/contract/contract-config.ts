// Contract: everything besides the table: info, schedulers, counters, timeouts, sync daemons, settings.
import assert from 'node:assert/strict';
import type { Stats } from '@ipvs-dashboard/shared';
import type { ContractContext, ContractTestApi } from './contract-api.js';
import { destinationInput, rejectsWith, serviceInput, web } from './contract-helpers.js';

const statFields: readonly (keyof Stats)[] = [
  'conns',
  'inPackets',
  'outPackets',
  'inBytes',
  'outBytes',
  'cps',
  'inPps',
  'outPps',
  'inBps',
  'outBps',
];

function assertStatsShape(stats: Stats): void {
  for (const field of statFields) {
    assert.ok(Number.isInteger(stats[field]) && stats[field] >= 0, `${field} is a counter`);
  }
}

export function defineConfigContract(t: ContractTestApi, ctx: () => ContractContext): void {
  t.describe('info and schedulers', () => {
    t.it('reports IPVS 1.2.1 and a power-of-two connection table', async () => {
      const info = await ctx().backend.info();
      assert.equal(info.version, '1.2.1');
      assert.ok(info.connTableSize >= 256 && (info.connTableSize & (info.connTableSize - 1)) === 0);
    });

    t.it('lists the classic schedulers, each of which can create a service', async () => {
      const { backend } = ctx();
      const schedulers = await backend.schedulers();
      for (const name of ['rr', 'wrr', 'lc', 'wlc', 'sh', 'mh']) assert.ok(schedulers.includes(name), name);
      for (const [i, scheduler] of schedulers.entries()) {
        await backend.addService(
          serviceInput({ protocol: 'tcp', address: '10.1.0.1', port: 1000 + i }, { scheduler }),
        );
      }
      assert.deepEqual(
        (await backend.listServices()).map((s) => s.scheduler),
        schedulers,
      );
    });
  });

  t.describe('counters', () => {
    t.it('zeroes one service, everything, and the totals', async () => {
      const { backend } = ctx();
      await backend.addService(serviceInput(web));
      await backend.addDestination(web, destinationInput('10.20.0.2', 80));
      await backend.zero(web);
      await backend.zero();
      const [service] = await backend.snapshot();
      assert.ok(service);
      for (const stats of [service.stats, ...service.destinations.map((d) => d.stats)]) {
        assertStatsShape(stats);
        assert.equal(stats.conns, 0);
        assert.equal(stats.inPackets, 0);
      }
      const totals = await backend.totals();
      assertStatsShape(totals);
      assert.equal(totals.conns, 0);
    });

    t.it('lists connections in the /proc shape', async () => {
      const connections = await ctx().backend.connections();
      assert.ok(Array.isArray(connections));
      for (const c of connections) {
        assert.equal(typeof c.protocol, 'string');
        assert.ok(Number.isInteger(c.expiresSeconds) && c.expiresSeconds >= 0);
        assert.equal(c.template, c.clientPort === 0);
      }
    });
  });

  t.describe('timeouts', () => {
    t.it('starts at 900/120/300 and changes only the non-zero values', async () => {
      const { backend } = ctx();
      const before = await backend.getTimeouts();
      assert.deepEqual(before, { tcp: 900, tcpFin: 120, udp: 300 });
      try {
        await backend.setTimeouts({ tcp: 3600, tcpFin: 0, udp: 0 });
        assert.deepEqual(await backend.getTimeouts(), { tcp: 3600, tcpFin: 120, udp: 300 });
        await backend.setTimeouts({ tcp: 0, tcpFin: 30, udp: 60 });
        assert.deepEqual(await backend.getTimeouts(), { tcp: 3600, tcpFin: 30, udp: 60 });
      } finally {
        await backend.setTimeouts(before);
      }
    });

    t.it('refuses a negative or too long timeout and keeps the old values', async () => {
      const { backend } = ctx();
      const before = await backend.getTimeouts();
      await rejectsWith(backend.setTimeouts({ tcp: -1, tcpFin: 0, udp: 0 }), 'VALIDATION_FAILED');
      await rejectsWith(
        backend.setTimeouts({ tcp: 0, tcpFin: 0, udp: 40 * 24 * 3600 }),
        'VALIDATION_FAILED',
        'INVALID_OPERATION',
      );
      assert.deepEqual(await backend.getTimeouts(), before);
    });
  });

  t.describe('sync daemons', () => {
    t.it('starts a master with the kernel defaults, refuses a second, stops it', async () => {
      const { backend, options } = ctx();
      assert.deepEqual(await backend.listDaemons(), []);
      await backend.startDaemon({ state: 'master', interface: options.daemonInterface, syncId: 7 });
      try {
        const [daemon] = await backend.listDaemons();
        assert.ok(daemon);
        const { maxLen, ...rest } = daemon;
        assert.deepEqual(rest, {
          state: 'master',
          interface: options.daemonInterface,
          syncId: 7,
          group: '224.0.0.81',
          port: 8848,
          ttl: 1,
        });
        assert.ok(maxLen > 0 && maxLen <= 65507);
        await rejectsWith(
          backend.startDaemon({ state: 'master', interface: options.daemonInterface }),
          'DAEMON_EXISTS',
        );
      } finally {
        await backend.stopDaemon('master');
      }
      assert.deepEqual(await backend.listDaemons(), []);
      await rejectsWith(backend.stopDaemon('master'), 'DAEMON_NOT_RUNNING');
      await rejectsWith(backend.stopDaemon('backup'), 'DAEMON_NOT_RUNNING');
    });

    t.it('reads back every field of a backup daemon', async () => {
      const { backend, options } = ctx();
      const wanted = {
        state: 'backup',
        interface: options.daemonInterface,
        syncId: 200,
        maxLen: 1400,
        group: '239.1.2.3',
        port: 8849,
        ttl: 3,
      } as const;
      await backend.startDaemon(wanted);
      try {
        assert.deepEqual(await backend.listDaemons(), [wanted]);
      } finally {
        await backend.stopDaemon('backup');
      }
    });

    t.it('refuses an interface that does not exist with NO_SUCH_INTERFACE', async () => {
      const { backend } = ctx();
      await rejectsWith(backend.startDaemon({ state: 'master', interface: 'nosuch0' }), 'NO_SUCH_INTERFACE');
      assert.deepEqual(await backend.listDaemons(), []);
    });
  });

  t.describe('kernel settings', () => {
    t.it('lists the IPVS sysctls within their ranges and writes one', async () => {
      const { backend } = ctx();
      const settings = await backend.kernelSettings();
      for (const name of [
        'drop_entry',
        'drop_packet',
        'secure_tcp',
        'amemthresh',
        'am_droprate',
        'expire_nodest_conn',
      ]) {
        const setting = settings.find((s) => s.name === name);
        assert.ok(setting, name);
        assert.ok(setting.value >= setting.min && setting.value <= setting.max, `${name} in range`);
      }
      const before = settings.find((s) => s.name === 'expire_nodest_conn')?.value ?? 0;
      try {
        await backend.setKernelSetting('expire_nodest_conn', before === 0 ? 1 : 0);
        const after = (await backend.kernelSettings()).find((s) => s.name === 'expire_nodest_conn');
        assert.equal(after?.value, before === 0 ? 1 : 0);
      } finally {
        await backend.setKernelSetting('expire_nodest_conn', before);
      }
    });

    t.it('refuses a value outside the range and keeps the old one', async () => {
      const { backend } = ctx();
      const read = async () => (await backend.kernelSettings()).find((s) => s.name === 'drop_entry')?.value;
      const before = await read();
      await rejectsWith(backend.setKernelSetting('drop_entry', 4), 'OUT_OF_RANGE', 'VALIDATION_FAILED');
      assert.equal(await read(), before);
    });
  });
}
