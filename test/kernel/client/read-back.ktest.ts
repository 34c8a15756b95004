// The other direction: a table built by ipvsadm (the captured reference table and more) read through
// KernelBackend, every field compared with what the ipvsadm commands asked for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KernelBackend } from '@ipvs-dashboard/agent/ipvs';
import { formatSaveText, type ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { clearAll, mustIpvsadm } from '../ipvsadm.js';
import { capturedCommands, capturedExpectation } from './captured-table.js';
import { SCHEDULERS } from './operation-cases.js';

function label(entry: ServiceWithDestinations): string {
  const { key } = entry;
  if (key.protocol === 'fwmark') return `FWM ${key.fwmark}`;
  const host = key.address.includes(':') ? `[${key.address}]` : key.address;
  return `${key.protocol.toUpperCase()} ${host}:${key.port}`;
}

/** Service labels in the order `ipvsadm -Ln` prints them. */
function ipvsadmOrder(): string[] {
  return mustIpvsadm(['-Ln'])
    .split('\n')
    .flatMap((line) => {
      const match = /^(TCP|UDP|SCTP|FWM)\s+(\S+)/.exec(line);
      return match ? [`${match[1]} ${match[2]}`] : [];
    });
}

void describe('KernelBackend reads what ipvsadm wrote', () => {
  let backend: KernelBackend;
  before(() => {
    clearAll();
    for (const line of capturedCommands) mustIpvsadm(line.split(' '));
    backend = KernelBackend.open();
  });
  after(async () => {
    await backend.close();
    clearAll();
    mustIpvsadm(['--set', '900', '120', '300']);
  });

  void it('reads every field of every service and real server of the captured table', async () => {
    const snapshot = await backend.snapshot();
    const byLabel = new Map(snapshot.map((entry) => [label(entry), entry]));
    assert.deepEqual([...byLabel.keys()].sort(), Object.keys(capturedExpectation).sort());
    for (const [name, expected] of Object.entries(capturedExpectation)) {
      assert.deepEqual(byLabel.get(name), expected, name);
    }
  });

  void it('lists services in the order ipvsadm -Ln prints them', async () => {
    const services = await backend.listServices();
    assert.deepEqual(
      services.map((entry) => label({ ...entry, destinations: [] })),
      ipvsadmOrder(),
    );
  });

  void it('gets one service and its real servers by key', async () => {
    const key = { protocol: 'tcp', address: '10.10.10.10', port: 80 } as const;
    const expected = capturedExpectation['TCP 10.10.10.10:80'];
    assert.ok(expected);
    const { destinations, ...serviceOnly } = expected;
    assert.deepEqual(await backend.getService(key), serviceOnly);
    assert.deepEqual(await backend.listDestinations(key), destinations);
  });

  void it('reads the timeouts ipvsadm --set wrote', async () => {
    mustIpvsadm(['--set', '1000', '130', '310']);
    assert.deepEqual(await backend.getTimeouts(), { tcp: 1000, tcpFin: 130, udp: 310 });
  });

  void it('reads the schedulers this kernel has, twos not among them', async () => {
    const schedulers = await backend.schedulers();
    for (const name of SCHEDULERS) {
      assert.ok(schedulers.includes(name), `${name} in ${schedulers.join(',')}`);
    }
    assert.ok(!schedulers.includes('twos'));
  });

  void it("reads the rest of this 6.1 kernel's capabilities: sip, every tunnel type, IPv6", async () => {
    // The write suite adds a --pe sip service, gue/gre tunnels and IPv6 services on this kernel: a
    // capability missing here would make the agent refuse what the kernel does.
    const { schedulers, ...rest } = await backend.capabilities();
    assert.ok(schedulers.includes('wlc'));
    assert.deepEqual(rest, {
      persistenceEngines: ['sip'],
      tunnelTypes: ['ipip', 'gue', 'gre'],
      addressFamilies: ['inet', 'inet6'],
    });
  });
});

void describe('KernelBackend lists a table in ipvsadm -Sn order', () => {
  let backend: KernelBackend;
  before(() => {
    clearAll();
    backend = KernelBackend.open();
  });
  after(async () => {
    await backend.close();
    clearAll();
  });

  void it('even where libipvs compares addresses more than 2^31 apart (10.x < 100.x < 192.x < 10.x)', async () => {
    // libipvs subtracts u32 addresses into an int, so these compare in a cycle, and the order then depends
    // on glibc's merge sort too: V8's own sort listed 100.0.0.1 first among these real servers.
    for (const vip of ['172.0.0.1', '1.0.0.1', '100.0.0.1', '200.0.0.1', '10.0.0.1', '192.168.0.1']) {
      mustIpvsadm(['-A', '-u', `${vip}:80`]);
    }
    mustIpvsadm(['-A', '-t', '10.9.9.9:80']);
    for (const real of [
      '1.0.0.1',
      '100.0.0.1',
      '200.0.0.1',
      '1.0.0.2',
      '10.0.0.3',
      '172.16.0.1',
      '192.168.1.1',
    ]) {
      mustIpvsadm(['-a', '-t', '10.9.9.9:80', '-r', `${real}:80`, '-m']);
    }
    const ours = formatSaveText(await backend.snapshot(), { thresholds: false });
    assert.equal(ours, mustIpvsadm(['-Sn']));
  });
});
