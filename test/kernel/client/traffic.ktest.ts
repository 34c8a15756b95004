// Real connections through a NAT service managed by KernelBackend: its counters, rates and connection
// counts must match ipvsadm's, and weight 0 and upper thresholds must steer new connections as the kernel does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KernelBackend } from '@ipvs-dashboard/agent/ipvs';
import type { Destination, ServiceKey, Stats } from '@ipvs-dashboard/shared';
import { clearAll } from '../ipvsadm.js';
import { connectionRows, statsRows } from '../lib/ipvsadm-listing.js';
import { pollUntil } from '../lib/wait-for.js';
import { createNatScenario, type NatScenario } from '../scenario.js';
import { destination, service } from './inputs.js';

function counters(stats: Stats): number[] {
  return [stats.conns, stats.inPackets, stats.outPackets, stats.inBytes, stats.outBytes];
}

void describe('KernelBackend under real NAT traffic', () => {
  let backend: KernelBackend;
  let scenario: NatScenario | undefined;
  let vip: (port: number) => ServiceKey;

  async function natService(
    port: number,
    dests: { weight?: number; upperThreshold?: number }[],
  ): Promise<void> {
    assert.ok(scenario);
    await backend.addService(service(vip(port), { scheduler: 'rr' }));
    for (const [index, settings] of dests.entries()) {
      const server = scenario.servers[index];
      assert.ok(server);
      await backend.addDestination(
        vip(port),
        destination(server.address, server.port, { forwarding: 'masq', ...settings }),
      );
    }
  }

  async function destinationsOf(port: number): Promise<Destination[]> {
    return backend.listDestinations(vip(port));
  }

  before(() => {
    clearAll();
    scenario = createNatScenario(2);
    const address = scenario.vip;
    vip = (port) => ({ protocol: 'tcp', address, port });
    backend = KernelBackend.open();
  });
  after(async () => {
    await backend.close();
    clearAll();
    scenario?.close();
  });

  void it('counts 40 requests exactly as ipvsadm -Ln --stats --exact does, with non-zero rates', async () => {
    assert.ok(scenario);
    await natService(80, [{}, {}]);
    assert.deepEqual(scenario.request(40), { ok: 40, failed: 0 });
    const settled = await pollUntil(
      () => backend.snapshot(),
      (table) => table[0]?.stats.conns === 40,
    );
    const [snapshot] = settled;
    assert.ok(snapshot);
    assert.equal(snapshot.stats.conns, 40);
    const rows = statsRows();
    assert.deepEqual(counters(snapshot.stats), rows.get(`TCP ${scenario.vip}:80`));
    for (const dest of snapshot.destinations) {
      assert.deepEqual(counters(dest.stats), rows.get(`${dest.address}:${dest.port}`), dest.address);
      assert.equal(dest.stats.conns, 20);
    }
    const withRates = await pollUntil(
      () => backend.getService(vip(80)),
      (found) => found.stats.cps > 0 && found.stats.inPps > 0 && found.stats.outBps > 0,
      { timeoutMs: 6000 },
    );
    assert.ok(withRates.stats.cps > 0 && withRates.stats.inPps > 0 && withRates.stats.outPps > 0);
    assert.ok(withRates.stats.inBps > 0 && withRates.stats.outBps > 0);
  });

  void it('counts IPv6 requests through an IPv6 NAT service exactly as ipvsadm does', async () => {
    assert.ok(scenario);
    const key: ServiceKey = { protocol: 'tcp', address: scenario.vip6, port: 80 };
    await backend.addService(service(key, { scheduler: 'rr' }));
    for (const server of scenario.servers) {
      await backend.addDestination(key, destination(server.address6, 80, { forwarding: 'masq' }));
    }
    assert.deepEqual(scenario.request(10, { ipv6: true }), { ok: 10, failed: 0 });
    const found = await pollUntil(
      () => backend.getService(key),
      (entry) => entry.stats.conns === 10,
    );
    assert.equal(found.family, 'inet6');
    assert.deepEqual(counters(found.stats), statsRows().get(`TCP [${scenario.vip6}]:80`));
    const dests = await backend.listDestinations(key);
    assert.deepEqual(
      dests.map((dest) => [dest.address, dest.stats.conns]),
      scenario.servers.map((server) => [server.address6, 5]),
    );
  });

  void it('shows the same active and inactive connections as ipvsadm -Ln', async () => {
    assert.ok(scenario);
    const release = scenario.holdConnection();
    try {
      const held = await pollUntil(
        () => destinationsOf(80),
        (dests) => dests.some((dest) => dest.activeConns > 0),
      );
      const rows = connectionRows();
      for (const dest of held) {
        assert.deepEqual(
          [dest.weight, dest.activeConns, dest.inactiveConns],
          rows.get(`${dest.address}:${dest.port}`),
        );
      }
      assert.equal(
        held.reduce((sum, dest) => sum + dest.activeConns, 0),
        1,
      );
      assert.ok(held.reduce((sum, dest) => sum + dest.inactiveConns, 0) >= 40);
    } finally {
      release();
    }
  });

  void it('sends no new connections to a real server at weight 0', async () => {
    assert.ok(scenario);
    await natService(82, [{}, {}]);
    const [first, second] = await destinationsOf(82);
    assert.ok(first && second);
    await backend.editDestination(vip(82), { ...second, weight: 0 });
    assert.deepEqual(scenario.request(20, { port: 82 }), { ok: 20, failed: 0 });
    const dests = await pollUntil(
      () => destinationsOf(82),
      (list) => list.reduce((sum, dest) => sum + dest.stats.conns, 0) === 20,
    );
    assert.deepEqual(
      dests.map((dest) => [dest.address, dest.weight, dest.stats.conns]),
      [
        [first.address, 1, 20],
        [second.address, 0, 0],
      ],
    );
  });

  void it('sends no new connections to a real server past its upper threshold', async () => {
    assert.ok(scenario);
    // Closed connections stay in TIME_WAIT (inactive) for 2 minutes and count toward the threshold
    // (ip_vs_dest_totalconns in ip_vs_conn.c), so after 2 connections the first server is overloaded.
    await natService(83, [{ upperThreshold: 2 }, {}]);
    assert.deepEqual(scenario.request(10, { port: 83 }), { ok: 10, failed: 0 });
    const dests = await pollUntil(
      () => destinationsOf(83),
      (list) => list.reduce((sum, dest) => sum + dest.stats.conns, 0) === 10,
    );
    assert.deepEqual(
      dests.map((dest) => dest.stats.conns),
      [2, 8],
    );
    // The kernel does not export IP_VS_DEST_F_OVERLOAD; the backend derives it (shared overload.ts) from
    // the same active + inactive count the kernel compares: the operator must see why the first takes none.
    assert.deepEqual(
      dests.map((dest) => dest.overloaded),
      [true, false],
    );
    const snapshot = await backend.snapshot();
    const row = snapshot.find((entry) => entry.key.protocol === 'tcp' && entry.key.port === 83);
    assert.deepEqual(
      row?.destinations.map((dest) => dest.overloaded),
      [true, false],
    );
  });
});
