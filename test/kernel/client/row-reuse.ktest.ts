// Snapshots reuse the rows the kernel sent unchanged (kernel-snapshots.ts): proven against the real
// kernel, where every change made with ipvsadm must show up as a new object, and nothing else may.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KernelBackend } from '@ipvs-dashboard/agent/ipvs';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { clearAll, restoreRules, mustIpvsadm } from '../ipvsadm.js';

const RULES = [
  '-A -t 10.1.0.1:80 -s rr',
  '-a -t 10.1.0.1:80 -r 10.2.0.1:80 -m -w 1',
  '-a -t 10.1.0.1:80 -r 10.2.0.2:80 -m -w 1',
  '-A -t 10.1.0.2:80 -s wlc',
  '-a -t 10.1.0.2:80 -r 10.2.0.3:80 -m -w 1',
  '-A -u [2001:db8::1]:53 -s rr',
  '-a -u [2001:db8::1]:53 -r [2001:db8::10]:53 -m -w 3',
].join('\n');

function byVip(snapshot: readonly ServiceWithDestinations[]): Map<string, ServiceWithDestinations> {
  return new Map(snapshot.map((entry) => [entry.key.protocol === 'fwmark' ? '' : entry.key.address, entry]));
}

void describe('KernelBackend row reuse', () => {
  let backend: KernelBackend;
  let fresh: KernelBackend;
  before(() => {
    clearAll();
    restoreRules(RULES);
    backend = KernelBackend.open();
    fresh = KernelBackend.open({ rowReuse: false });
  });
  after(async () => {
    await backend.close();
    await fresh.close();
    clearAll();
  });

  void it('hands out the same row objects while the kernel table does not change', async () => {
    const first = await backend.snapshot();
    const second = await backend.snapshot();
    assert.notEqual(second, first);
    assert.equal(second.length, 3);
    second.forEach((entry, i) => assert.equal(entry, first[i]));
    assert.deepEqual(second, await fresh.snapshot());
  });

  void it('gives a service a new entry when ipvsadm edits one of its real servers; others stay', async () => {
    const before = byVip(await backend.snapshot());
    mustIpvsadm(['-e', '-t', '10.1.0.1:80', '-r', '10.2.0.2:80', '-m', '-w', '7']);
    const after = byVip(await backend.snapshot());
    const edited = after.get('10.1.0.1');
    assert.notEqual(edited, before.get('10.1.0.1'));
    assert.deepEqual(
      edited?.destinations.map((dest) => [dest.address, dest.weight]),
      [
        ['10.2.0.1', 1],
        ['10.2.0.2', 7],
      ],
    );
    assert.equal(edited?.destinations[0], before.get('10.1.0.1')?.destinations[0]);
    assert.equal(after.get('10.1.0.2'), before.get('10.1.0.2'));
    assert.equal(after.get('2001:db8::1'), before.get('2001:db8::1'));
    assert.deepEqual([...after.values()], await fresh.snapshot());
  });

  void it('shows added and deleted services and a changed scheduler at once', async () => {
    const before = byVip(await backend.snapshot());
    mustIpvsadm(['-D', '-t', '10.1.0.2:80']);
    mustIpvsadm(['-A', '-t', '10.1.0.3:80', '-s', 'rr']);
    mustIpvsadm(['-E', '-u', '[2001:db8::1]:53', '-s', 'wrr']);
    const after = byVip(await backend.snapshot());
    assert.deepEqual([...after.keys()].sort(), ['10.1.0.1', '10.1.0.3', '2001:db8::1']);
    assert.equal(after.get('10.1.0.1'), before.get('10.1.0.1'));
    assert.equal(after.get('2001:db8::1')?.scheduler, 'wrr');
    assert.notEqual(after.get('2001:db8::1'), before.get('2001:db8::1'));
    assert.equal(after.get('2001:db8::1')?.destinations, before.get('2001:db8::1')?.destinations);
    assert.deepEqual([...after.values()], await fresh.snapshot());
  });
});
