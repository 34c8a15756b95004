import { describe, expect, it } from 'vitest';
import { SimulatedBackend } from '../simulated-backend.js';
import { server, service, steady, vip } from './traffic-helpers.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('SimulatedBackend', () => {
  it('mirrors the 6.1 test kernel: twos is not built, so it is SCHEDULER_NOT_FOUND', async () => {
    const backend = new SimulatedBackend();
    expect(await backend.schedulers()).not.toContain('twos');
    expect(await codeOf(backend.addService(service({ scheduler: 'twos' })))).toBe('SCHEDULER_NOT_FOUND');
    expect(await backend.listServices()).toEqual([]);
  });

  it('refuses real servers that are not unicast with INVALID_OPERATION', async () => {
    const backend = new SimulatedBackend();
    await backend.addService(service());
    for (const address of ['224.0.0.5', '255.255.255.255', '0.0.0.0']) {
      expect(await codeOf(backend.addDestination(vip, server(address))), address).toBe('INVALID_OPERATION');
    }
    expect(await backend.listDestinations(vip)).toEqual([]);
  });

  it('keeps sync daemons and mixed-family real servers apart, as the sync protocol requires', async () => {
    const backend = new SimulatedBackend();
    await backend.addService(service());
    await backend.startDaemon({ state: 'master', interface: 'eth0' });
    const tunnelled = server('2001:db8::5', { forwarding: 'tunnel' });
    expect(await codeOf(backend.addDestination(vip, tunnelled))).toBe('INVALID_OPERATION');
    await backend.stopDaemon('master');
    await backend.addDestination(vip, tunnelled);
    expect(await codeOf(backend.startDaemon({ state: 'backup', interface: 'eth0' }))).toBe(
      'INVALID_OPERATION',
    );
    expect(await backend.listDaemons()).toEqual([]);
  });

  it('fills sync daemon defaults from the interface MTU', async () => {
    const backend = new SimulatedBackend();
    await backend.startDaemon({ state: 'master', interface: 'lo' });
    await backend.startDaemon({ state: 'backup', interface: 'lo' });
    // Master: min(MTU, 1500) - 28; backup: clamp(MTU, 1500, 65535) - 28 (ip_vs_sync.c start_sync_thread).
    expect((await backend.listDaemons()).map((d) => [d.state, d.maxLen])).toEqual([
      ['master', 1472],
      ['backup', 65507],
    ]);
  });

  it('edits only the fields given, like the kernel client read-modify-write', async () => {
    const backend = new SimulatedBackend();
    await backend.addService(service({ scheduler: 'wrr', persistence: 60 }));
    await backend.addDestination(vip, server('10.0.1.1', { weight: 5, upperThreshold: 100 }));
    await backend.editService(vip, { scheduler: 'rr' } as Parameters<SimulatedBackend['editService']>[1]);
    await backend.editDestination(vip, { address: '10.0.1.1', port: 80, weight: 7 } as Parameters<
      SimulatedBackend['editDestination']
    >[1]);
    expect(await backend.getService(vip)).toMatchObject({ scheduler: 'rr', persistence: 60 });
    expect((await backend.listDestinations(vip))[0]).toMatchObject({ weight: 7, upperThreshold: 100 });
  });

  it('keeps a deleted real server in the trash: its entries linger, re-adding revives its counters', async () => {
    const backend = new SimulatedBackend({ now: () => 0 });
    await backend.addService(service({ scheduler: 'rr' }));
    await backend.addDestination(vip, server('10.0.1.1'));
    await backend.addDestination(vip, server('10.0.1.2'));
    backend.setTraffic(vip, steady(20, { meanDurationSeconds: 1 }));
    backend.tick(6000);
    const before = (await backend.listDestinations(vip)).find((d) => d.address === '10.0.1.1');
    await backend.deleteDestination(vip, { address: '10.0.1.1', port: 80 });
    backend.tick(4000);
    // As in the kernel (expire_nodest_conn 0): the entries stay, in TIME_WAIT, until they time out.
    expect((await backend.connections()).some((c) => c.destAddress === '10.0.1.1')).toBe(true);
    await backend.addDestination(vip, server('10.0.1.1', { weight: 2 }));
    const revived = (await backend.listDestinations(vip)).find((d) => d.address === '10.0.1.1');
    expect(revived?.stats.conns).toBe(before?.stats.conns);
    expect(revived?.inactiveConns).toBeGreaterThan(0);
    expect(revived?.weight).toBe(2);
  });

  it('frees a trashed real server 120 s after its last entry, so re-adding starts from zero', async () => {
    const backend = new SimulatedBackend({ now: () => 0 });
    await backend.addService(service());
    await backend.addDestination(vip, server('10.0.1.1'));
    backend.setTraffic(vip, steady(10, { meanDurationSeconds: 1 }));
    backend.tick(4000);
    await backend.deleteDestination(vip, { address: '10.0.1.1', port: 80 });
    backend.tick(130_000);
    expect(await backend.connections()).toEqual([]);
    backend.tick(120_000);
    await backend.addDestination(vip, server('10.0.1.1'));
    expect((await backend.listDestinations(vip))[0]?.stats.conns).toBe(0);
  });

  it('drops a deleted real server entries at once with expire_nodest_conn', async () => {
    const backend = new SimulatedBackend({ now: () => 0 });
    await backend.setKernelSetting('expire_nodest_conn', 1);
    await backend.addService(service({ scheduler: 'rr', persistence: 30 }));
    await backend.addDestination(vip, server('10.0.1.1'));
    await backend.addDestination(vip, server('10.0.1.2'));
    backend.setTraffic(vip, steady(20));
    backend.tick(5000);
    await backend.deleteDestination(vip, { address: '10.0.1.1', port: 80 });
    expect((await backend.connections()).some((c) => c.destAddress === '10.0.1.1' && !c.template)).toBe(
      false,
    );
    await backend.deleteService(vip);
    expect((await backend.connections()).filter((c) => !c.template)).toEqual([]);
    expect(await codeOf(Promise.resolve().then(() => backend.setTraffic(vip, null)))).toBe(
      'SERVICE_NOT_FOUND',
    );
  });

  it('keeps the totals when one service is zeroed or deleted', async () => {
    const backend = new SimulatedBackend({ now: () => 0 });
    await backend.addService(service());
    await backend.addDestination(vip, server('10.0.1.1'));
    backend.setTraffic(vip, steady(10));
    backend.tick(4000);
    await backend.zero(vip);
    expect((await backend.getService(vip)).stats.conns).toBe(0);
    expect((await backend.totals()).conns).toBe(40);
    await backend.deleteService(vip);
    expect((await backend.totals()).conns).toBe(40);
  });
});
