// KernelBackend.applyBatch on the real kernel: additions sent as netlink batches (many messages per
// sendto, NLM_F_ACK on the last of each) leave the table ipvsadm -R leaves, and a refusal in the middle of a
// batch is reported for that very step while the kernel goes on with the rest of that datagram only.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { KernelBackend, type TableCommand } from '@ipvs-dashboard/agent/ipvs';
import { formatCommand, type IpvsadmCommand, type ServiceKey } from '@ipvs-dashboard/shared';
import { clearAll, restoreRules, savedRules } from '../ipvsadm.js';
import { tableText } from '../lib/table-text.js';
import { destination, fwmark, service, tcp } from './inputs.js';

function ipvsadmLine(command: TableCommand): string {
  const asIpvsadm: IpvsadmCommand =
    command.op === 'add-service'
      ? { kind: 'add-service', service: command.input }
      : command.op === 'add-destination'
        ? { kind: 'add-destination', service: command.key, destination: command.dest }
        : assert.fail(`not an addition: ${command.op}`);
  return formatCommand(asIpvsadm, { thresholds: true });
}

/** 40 services of three kinds x 8 real servers with varied settings: 360 commands, four datagrams. */
function varietyTable(): TableCommand[] {
  const commands: TableCommand[] = [];
  for (let i = 0; i < 40; i++) {
    const key: ServiceKey =
      i % 3 === 0
        ? tcp(`10.100.0.${i + 1}`, 80)
        : i % 3 === 1
          ? tcp(`2001:db8::${i + 1}`, 443)
          : fwmark(i + 1);
    const scheduler = ['wlc', 'rr', 'sh', 'mh'][i % 4] ?? 'wlc';
    commands.push({
      op: 'add-service',
      input: service(key, { scheduler, persistence: i % 5 === 0 ? 300 : 0 }),
    });
    for (let d = 0; d < 8; d++) {
      const address =
        key.protocol !== 'fwmark' && key.address.includes(':')
          ? `2001:db8:1::${i * 8 + d + 1}`
          : `10.200.${i}.${d + 1}`;
      const forwarding = (['masq', 'route', 'tunnel'] as const)[d % 3] ?? 'masq';
      // ipvsadm gives -g and -i real servers the service's port whatever the line says (ipvsadm.c), so
      // the real servers use it too: the kernel's own handling is what is compared here.
      const dest = destination(address, key.protocol === 'fwmark' ? 0 : key.port, {
        forwarding,
        weight: d,
        upperThreshold: d * 100,
        lowerThreshold: d * 10,
      });
      commands.push({ op: 'add-destination', key, dest });
    }
  }
  return commands;
}

void describe('KernelBackend.applyBatch', () => {
  let backend: KernelBackend;
  before(() => {
    backend = KernelBackend.open();
  });
  beforeEach(clearAll);
  after(async () => {
    await backend.close();
    clearAll();
  });

  void it('adds 40 services x 8 real servers exactly as ipvsadm -R does', async () => {
    const commands = varietyTable();
    restoreRules(commands.map(ipvsadmLine).join('\n'));
    const byIpvsadm = tableText();
    clearAll();
    assert.equal(await backend.applyBatch(commands), null);
    assert.equal(tableText(), byIpvsadm);
  });

  void it('names the refused step in the middle of a datagram; the kernel runs the rest of that datagram only', async () => {
    const vip = tcp('10.100.1.1', 80);
    const commands: TableCommand[] = [{ op: 'add-service', input: service(vip) }];
    for (let d = 0; d < 249; d++) {
      commands.push({
        op: 'add-destination',
        key: vip,
        dest: destination(`10.201.${d >> 8}.${(d & 255) + 1}`, 80),
      });
    }
    // Step 151 (index 150, in the second datagram of 100) names a service that does not exist.
    commands[150] = { op: 'add-destination', key: tcp('10.100.9.9', 80), dest: destination('10.9.9.9', 80) };
    const failure = await backend.applyBatch(commands);
    assert.equal(failure?.index, 150);
    assert.equal(failure?.error.code, 'SERVICE_NOT_FOUND');
    // Datagram 1 (steps 0-99) and datagram 2 (100-199, but 150) ran; datagram 3 was never sent.
    const lines = savedRules().trim().split('\n');
    assert.equal(lines.filter((line) => line.startsWith('-a ')).length, 99 + 99);
    assert.ok(lines.includes(`-a -t 10.100.1.1:80 -r 10.201.0.199:80 -g -w 1`));
    assert.ok(!lines.includes(`-a -t 10.100.1.1:80 -r 10.201.0.200:80 -g -w 1`));
  });

  void it('reports a refusal of the last step of a batch, the one that carries the ACK', async () => {
    const vip = tcp('10.100.2.1', 80);
    const commands: TableCommand[] = [
      { op: 'add-service', input: service(vip) },
      { op: 'add-destination', key: vip, dest: destination('10.202.0.1', 80) },
      { op: 'add-service', input: service(tcp('10.100.2.2', 80), { scheduler: 'twos' }) },
    ];
    const failure = await backend.applyBatch(commands);
    assert.equal(failure?.index, 2);
    assert.equal(failure?.error.code, 'SCHEDULER_NOT_FOUND');
    assert.equal(savedRules(), '-A -t 10.100.2.1:80 -s wlc\n-a -t 10.100.2.1:80 -r 10.202.0.1:80 -g -w 1\n');
  });

  void it('deletes in batches and runs edits, which read first, in order between them', async () => {
    const commands = varietyTable();
    assert.equal(await backend.applyBatch(commands), null);
    const key = tcp('10.100.0.1', 80);
    const changes: TableCommand[] = [
      { op: 'delete-destination', key, dest: { address: '10.200.0.1', port: 80 } },
      {
        op: 'edit-destination',
        key,
        dest: destination('10.200.0.2', 80, { forwarding: 'route', weight: 9 }),
      },
      { op: 'edit-service', key, settings: service(key, { scheduler: 'rr' }) },
      { op: 'delete-service', key: fwmark(3) },
      { op: 'delete-destination', key, dest: { address: '10.200.0.3', port: 80 } },
    ];
    assert.equal(await backend.applyBatch(changes), null);
    const lines = savedRules().split('\n');
    // Edits replace every setting (as ipvsadm -E does): persistence 300 is gone with the new scheduler.
    assert.ok(lines.includes('-A -t 10.100.0.1:80 -s rr'));
    assert.ok(lines.includes('-a -t 10.100.0.1:80 -r 10.200.0.2:80 -g -w 9'));
    assert.ok(!lines.some((line) => line.includes('10.200.0.1:80') || line.includes('10.200.0.3:80')));
    assert.ok(!lines.some((line) => line.startsWith('-A -f 3 ')));
  });
});
