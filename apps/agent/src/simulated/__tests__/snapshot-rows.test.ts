import { describe, expect, it } from 'vitest';
import { SimulatedBackend } from '../simulated-backend.js';
import { backendWith, server, service, steady, vip } from './traffic-helpers.js';

const other = { protocol: 'tcp' as const, address: '10.0.0.2', port: 80 };

async function twoServices(): Promise<SimulatedBackend> {
  const backend = await backendWith(service(), [server('10.0.1.1'), server('10.0.1.2')], steady(20));
  await backend.addService(service(other));
  await backend.addDestination(other, server('10.0.2.1'));
  backend.setTraffic(other, steady(0));
  return backend;
}

describe('snapshot-rows', () => {
  it('returns the very same rows while nothing moved, and new ones for what did', async () => {
    const backend = await twoServices();
    backend.tick(10_000);
    const first = await backend.snapshot();
    // Nothing happens between two reads: every row, every real server, every stats object is the same.
    const again = await backend.snapshot();
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    // Traffic moves the busy service's counters (published every 2 s); the idle one keeps its objects.
    backend.tick(2_000);
    const later = await backend.snapshot();
    expect(later[0]).not.toBe(first[0]);
    expect(later[0]?.stats).not.toEqual(first[0]?.stats);
    expect(later[1]).toBe(first[1]);
    expect(later[1]?.destinations[0]).toBe(first[1]?.destinations[0]);
  });

  it('rebuilds a real server whose settings changed, and its service, but not its siblings', async () => {
    const backend = await twoServices();
    backend.setTraffic(vip, null);
    const before = await backend.snapshot();
    await backend.editDestination(vip, server('10.0.1.2', { weight: 5 }));
    const after = await backend.snapshot();
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]?.destinations[0]).toBe(before[0]?.destinations[0]);
    expect(after[0]?.destinations[1]).not.toBe(before[0]?.destinations[1]);
    expect(after[0]?.destinations[1]?.weight).toBe(5);
    await backend.editService(vip, service({ scheduler: 'rr' }));
    const edited = await backend.snapshot();
    expect(edited[0]?.scheduler).toBe('rr');
    expect(edited[0]?.destinations).toEqual(after[0]?.destinations);
  });

  it('rebuilds a real server whose connection gauges moved between counter publications', async () => {
    const backend = await backendWith(service(), [server('10.0.1.1')], steady(20));
    backend.tick(2_000); // an estimator run: counters published
    const before = await backend.snapshot();
    backend.tick(100); // new connections, no estimator run
    const after = await backend.snapshot();
    expect(after[0]?.destinations[0]?.stats).toBe(before[0]?.destinations[0]?.stats);
    expect(after[0]?.destinations[0]?.activeConns).toBeGreaterThan(
      before[0]?.destinations[0]?.activeConns ?? 0,
    );
    expect(after[0]?.destinations[0]).not.toBe(before[0]?.destinations[0]);
  });

  it('shows zeroed counters in the next snapshot, even of rows that were idle', async () => {
    const backend = await twoServices();
    backend.tick(10_000);
    backend.setTraffic(vip, steady(0));
    backend.tick(120_000); // connections gone, rates decayed: every row idle and reused
    const idle = await backend.snapshot();
    expect(await backend.snapshot()).toEqual(idle);
    expect(idle[0]?.destinations[0]?.stats.conns).toBeGreaterThan(0);
    await backend.zero();
    const zeroed = await backend.snapshot();
    expect(zeroed[0]?.stats.conns).toBe(0);
    expect(zeroed[0]?.destinations.map((d) => d.stats.conns)).toEqual([0, 0]);
  });

  it('counts a deleted server its packets up to the deletion, none after it', async () => {
    // Long connections on one server; counters are published (and packets carried) every 2 s.
    const profile = steady(10, { meanDurationSeconds: 30, packetsIn: 300 });
    const deletedAt = async (ms: number) => {
      const backend = await backendWith(service(), [server('10.0.1.1')], profile);
      backend.tick(ms);
      await backend.deleteDestination(vip, server('10.0.1.1'));
      backend.tick(10_000 - ms);
      return backend;
    };
    const atEightSeconds = await deletedAt(8_000);
    const atNineSeconds = await deletedAt(9_000);
    const packets = async (backend: SimulatedBackend) => (await backend.totals()).inPackets;
    // Deleted between two publications, the server still counts the second of packets before it went.
    expect(await packets(atNineSeconds)).toBeGreaterThan(await packets(atEightSeconds));
    const counted = await packets(atNineSeconds);
    atNineSeconds.tick(20_000);
    expect(await packets(atNineSeconds)).toBe(counted);
  });
});
