// Every refusal provoked for real on the kernel, each mapped to its catalogue code, and the table left
// exactly as it was (bad input changes nothing).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KernelBackend, type IpvsBackend } from '@ipvs-dashboard/agent/ipvs';
import { AppError, type ErrorCode } from '@ipvs-dashboard/shared';
import { clearAll, mustIpvsadm } from '../ipvsadm.js';
import { exec, mustExec } from '../lib/exec.js';
import { tableText } from '../lib/table-text.js';
import { destination, service, tcp } from './inputs.js';

const VS = tcp('10.10.10.10', 80);

async function refusal(work: () => Promise<unknown>): Promise<ErrorCode> {
  try {
    await work();
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    return error.code;
  }
  assert.fail('the kernel accepted it');
}

type Probe = [name: string, code: ErrorCode, work: (backend: IpvsBackend) => Promise<unknown>];

const probes: Probe[] = [
  ['adding a service that exists', 'SERVICE_EXISTS', (b) => b.addService(service(VS, { scheduler: 'rr' }))],
  [
    'adding a real server to a service not defined',
    'SERVICE_NOT_FOUND',
    (b) => b.addDestination(tcp('10.10.10.99', 80), destination('10.20.0.2', 80)),
  ],
  [
    'editing a service not defined',
    'SERVICE_NOT_FOUND',
    (b) => b.editService(tcp('10.10.10.99', 80), service(VS)),
  ],
  ['deleting a service not defined', 'SERVICE_NOT_FOUND', (b) => b.deleteService(tcp('10.10.10.99', 80))],
  [
    'listing real servers of a service not defined',
    'SERVICE_NOT_FOUND',
    (b) => b.listDestinations(tcp('10.10.10.99', 80)),
  ],
  [
    'scheduler "nosuch"',
    'SCHEDULER_NOT_FOUND',
    (b) => b.addService(service(tcp('10.10.10.11', 80), { scheduler: 'nosuch' })),
  ],
  [
    'scheduler "twos" (not built into this kernel)',
    'SCHEDULER_NOT_FOUND',
    (b) => b.addService(service(tcp('10.10.10.11', 80), { scheduler: 'twos' })),
  ],
  [
    'persistence engine "nosuch"',
    'SCHEDULER_NOT_FOUND',
    (b) => b.addService(service(tcp('10.10.10.11', 80), { persistence: 60, persistenceEngine: 'nosuch' })),
  ],
  [
    'editing a real server that does not exist',
    'DESTINATION_NOT_FOUND',
    (b) => b.editDestination(VS, destination('10.99.0.2', 80)),
  ],
  [
    'deleting a real server that does not exist',
    'DESTINATION_NOT_FOUND',
    (b) => b.deleteDestination(VS, { address: '10.99.0.2', port: 80 }),
  ],
  [
    'adding a real server that exists',
    'DESTINATION_EXISTS',
    (b) => b.addDestination(VS, destination('10.20.0.2', 80)),
  ],
  [
    'lower threshold above upper threshold',
    'OUT_OF_RANGE',
    (b) => b.addDestination(VS, destination('10.20.0.3', 80, { upperThreshold: 5, lowerThreshold: 10 })),
  ],
  ['stopping a sync daemon that is not running', 'DAEMON_NOT_RUNNING', (b) => b.stopDaemon('backup')],
  [
    'starting a sync daemon that already runs',
    'DAEMON_EXISTS',
    (b) => b.startDaemon({ state: 'master', interface: 'kerr0' }),
  ],
  [
    'starting a sync daemon on an interface that does not exist',
    'NO_SUCH_INTERFACE',
    (b) => b.startDaemon({ state: 'backup', interface: 'nosuch0' }),
  ],
];

void describe('KernelBackend errors on the real kernel', () => {
  let backend: KernelBackend;
  before(() => {
    clearAll();
    mustExec('ip', ['link', 'add', 'kerr0', 'type', 'veth', 'peer', 'name', 'kerr1']);
    mustExec('ip', ['link', 'set', 'kerr0', 'up']);
    mustIpvsadm(['-A', '-t', '10.10.10.10:80', '-s', 'rr']);
    mustIpvsadm(['-a', '-t', '10.10.10.10:80', '-r', '10.20.0.2:80', '-m']);
    mustIpvsadm(['--start-daemon', 'master', '--mcast-interface', 'kerr0']);
    backend = KernelBackend.open();
  });
  after(async () => {
    await backend.close();
    clearAll();
    mustExec('ip', ['link', 'del', 'kerr0']);
  });

  for (const [name, code, work] of probes) {
    void it(`maps ${name} to ${code} and changes nothing`, async () => {
      const before = tableText();
      assert.equal(await refusal(() => work(backend)), code);
      assert.equal(tableText(), before);
    });
  }

  void it('maps a caller without CAP_NET_ADMIN to PERMISSION_DENIED', () => {
    // A second process as user nobody: IPVS genetlink operations are GENL_ADMIN_PERM (ip_vs_ctl.c).
    const script =
      "import('@ipvs-dashboard/agent/ipvs').then(({ KernelBackend }) => { try { KernelBackend.open(); console.log('OPENED') }" +
      ' catch (error) { console.log(error.code) } })';
    const result = exec('setpriv', [
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      'node',
      '--input-type=module',
      '-e',
      script,
    ]);
    assert.equal(result.stdout.trim(), 'PERMISSION_DENIED', result.stderr);
  });
});
