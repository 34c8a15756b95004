// Every write operation of KernelBackend against ipvsadm on the real kernel: the same change made by
// each must leave the same table (ipvsadm -Sn and the listings -Sn leaves out).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { KernelBackend } from '@ipvs-dashboard/agent/ipvs';
import { clearAll, mustIpvsadm } from '../ipvsadm.js';
import { mustExec } from '../lib/exec.js';
import { tableText } from '../lib/table-text.js';
import { operationCases } from './operation-cases.js';

const DEFAULT_TIMEOUTS = ['--set', '900', '120', '300'];

function resetKernel(): void {
  clearAll();
  mustIpvsadm(DEFAULT_TIMEOUTS);
}

/** Everything the client reads back: the table, timeouts and sync daemons. */
async function clientView(backend: KernelBackend) {
  return {
    snapshot: await backend.snapshot(),
    timeouts: await backend.getTimeouts(),
    daemons: await backend.listDaemons(),
  };
}

void describe('KernelBackend writes what ipvsadm writes', () => {
  let backend: KernelBackend;
  before(() => {
    // The sync daemons need a multicast-capable interface; a veth pair gives one inside the guest.
    mustExec('ip', ['link', 'add', 'ksync0', 'type', 'veth', 'peer', 'name', 'ksync1']);
    mustExec('ip', ['link', 'set', 'ksync0', 'up']);
    mustExec('ip', ['link', 'set', 'ksync1', 'up']);
    backend = KernelBackend.open();
  });
  beforeEach(resetKernel);
  after(async () => {
    await backend.close();
    resetKernel();
    mustExec('ip', ['link', 'del', 'ksync0']);
  });

  for (const testCase of operationCases) {
    void it(testCase.name, async () => {
      for (const line of testCase.ipvsadm) mustIpvsadm(line.split(' '));
      const byIpvsadm = tableText();
      const readAfterIpvsadm = await clientView(backend);
      resetKernel();
      await testCase.client(backend);
      assert.equal(tableText(), byIpvsadm);
      // And the reverse direction: the client reads ipvsadm's table exactly as it reads its own.
      assert.deepEqual(await clientView(backend), readAfterIpvsadm);
    });
  }

  void it('zeroes one service and then everything, like ipvsadm -Z', async () => {
    mustIpvsadm(['-A', '-t', '10.10.0.1:80', '-s', 'rr']);
    await backend.zero({ protocol: 'tcp', address: '10.10.0.1', port: 80 });
    await backend.zero();
    assert.match(mustIpvsadm(['-Ln', '--stats']), /TCP {2}10\.10\.0\.1:80\s+0\s+0\s+0\s+0\s+0/);
  });

  void it('reports the version and connection table size ipvsadm prints', async () => {
    const header = mustIpvsadm(['-Ln']).split('\n')[0] ?? '';
    const info = await backend.info();
    assert.equal(header, `IP Virtual Server version ${info.version} (size=${info.connTableSize})`);
  });

  void it('lists the sync daemons ipvsadm started', async () => {
    mustIpvsadm(['--start-daemon', 'master', '--mcast-interface', 'ksync0', '--syncid', '9']);
    mustIpvsadm(['--start-daemon', 'backup', '--mcast-interface', 'ksync0', '--mcast-group', '239.9.9.9']);
    const daemons = await backend.listDaemons();
    assert.deepEqual(
      daemons.map((daemon) => ({ ...daemon })).sort((a, b) => a.state.localeCompare(b.state)),
      [
        {
          state: 'backup',
          interface: 'ksync0',
          syncId: 0,
          maxLen: 1472,
          group: '239.9.9.9',
          port: 8848,
          ttl: 1,
        },
        {
          state: 'master',
          interface: 'ksync0',
          syncId: 9,
          maxLen: 1472,
          group: '224.0.0.81',
          port: 8848,
          ttl: 1,
        },
      ],
    );
  });
});
