import { describe, expect, it } from 'vitest';
import type { IpvsadmCommand, KernelCapabilities } from '@ipvs-dashboard/shared';
import { CAPABILITIES_TTL_MS, CapabilityCache } from '../capability-cache.js';

const withScheduler = (scheduler: string): IpvsadmCommand => ({
  kind: 'add-service',
  service: {
    protocol: 'tcp',
    address: '10.0.0.1',
    port: 80,
    scheduler,
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
  },
});

const kernel = (schedulers: string[]): KernelCapabilities => ({
  schedulers,
  persistenceEngines: [],
  tunnelTypes: ['ipip'],
  addressFamilies: ['inet'],
});

/** A kernel whose modules can change between readings, and a clock the test moves. */
function setup(first: string[]) {
  const state = { schedulers: first, reads: 0, now: 1_000, fail: false };
  const cache = new CapabilityCache(
    () => {
      state.reads += 1;
      return state.fail ? Promise.reject(new Error('EIO')) : Promise.resolve(kernel(state.schedulers));
    },
    () => state.now,
  );
  return { state, cache };
}

describe('capability-cache', () => {
  it('reads the kernel once for the changes of a minute, again after it', async () => {
    const { state, cache } = setup(['rr', 'wlc']);
    expect(await cache.problems([withScheduler('rr')])).toEqual([]);
    state.now += CAPABILITIES_TTL_MS - 1;
    expect(await cache.problems([withScheduler('wlc')])).toEqual([]);
    expect(state.reads).toBe(1);
    state.now += 1;
    await cache.problems([withScheduler('rr')]);
    expect(state.reads).toBe(2);
  });

  it('never refuses from a stale reading: a module loaded since is seen by a fresh one', async () => {
    const { state, cache } = setup(['rr']);
    await cache.problems([withScheduler('rr')]);
    state.schedulers = ['rr', 'mh'];
    expect(await cache.problems([withScheduler('mh')])).toEqual([]);
    expect(state.reads).toBe(2);
  });

  it('refuses what a fresh reading lacks too, naming it', async () => {
    const { cache } = setup(['rr']);
    const problems = await cache.problems([withScheduler('twos')]);
    expect(problems.map((p) => p.message)).toEqual([
      'scheduler "twos" is not available in this kernel (it has rr)',
    ]);
  });

  it('does not keep a failed reading: the next change asks again', async () => {
    const { state, cache } = setup(['rr']);
    state.fail = true;
    await expect(cache.problems([withScheduler('rr')])).rejects.toThrow('EIO');
    state.fail = false;
    expect(await cache.problems([withScheduler('rr')])).toEqual([]);
    expect(state.reads).toBe(2);
  });
});
