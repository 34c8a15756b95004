// KTEST_RECORD_FIXTURES=1 only: records real kernel replies into test/kernel/fixtures/*.bin with an
// index.json saying what each holds and what it must decode to. The expected values come from the ipvsadm
// commands that built the table and from ipvsadm's listings, never from the client.
// The Vitest test apps/agent/src/ipvs/kernel/codec/__tests__/kernel-fixtures.test.ts decodes them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IpvsCmd, packServiceIdentity } from '@ipvs-dashboard/agent/ipvs';
import type { Destination, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { capturedCommands, capturedExpectation } from '../client/captured-table.js';
import { destination, serviceSettings, tcp } from '../client/inputs.js';
import { clearAll, mustIpvsadm } from '../ipvsadm.js';
import { exec, mustExec } from '../lib/exec.js';
import { pollUntil } from '../lib/wait-for.js';
import { createNatScenario, type NatScenario } from '../scenario.js';
import { errorProbes } from './error-probes.js';
import { connectionsOf, statsOf } from './expected-from-ipvsadm.js';
import { FixtureRecorder } from './fixture-recorder.js';
import { RawIpvs } from './raw-netlink.js';

const EMPTY = Buffer.alloc(0);
const REQUESTS = 12;

function withoutDestinations(entry: ServiceWithDestinations): Omit<ServiceWithDestinations, 'destinations'> {
  const { destinations: _unused, ...rest } = entry;
  return rest;
}

function recordDumps(recorder: FixtureRecorder, scenario: NatScenario): void {
  const key = tcp(scenario.vip, 80);
  const row = `TCP ${scenario.vip}:80`;
  recorder.saveStable(
    {
      file: 'service-dump.bin',
      holds: `GET_SERVICE dump: the captured reference table plus a NAT service with ${REQUESTS} real connections`,
      cmd: IpvsCmd.GET_SERVICE,
      dump: true,
      attributes: EMPTY,
    },
    () => [
      ...Object.values(capturedExpectation).map(withoutDestinations),
      { key, family: 'inet', ...serviceSettings(key, { scheduler: 'rr' }), stats: statsOf(row) },
    ],
  );
  recorder.saveStable(
    {
      file: 'dest-dump-stats64.bin',
      holds: `GET_DEST dump of ${row}: 2 NAT real servers with counters and rates (STATS64)`,
      cmd: IpvsCmd.GET_DEST,
      dump: true,
      attributes: packServiceIdentity(key),
    },
    (): Destination[] =>
      scenario.servers.map((server) => ({
        ...destination(server.address, 80, { forwarding: 'masq' }),
        family: 'inet',
        ...connectionsOf(`${server.address}:80`),
        stats: statsOf(`${server.address}:80`),
      })),
  );
  for (const [file, label] of [
    ['dest-dump-thresholds.bin', 'TCP 10.10.10.10:80'],
    ['dest-dump-gue.bin', 'SCTP 10.10.10.10:3868'],
    ['dest-dump-ipv6.bin', 'TCP [2001:db8::10]:80'],
  ] as const) {
    const expected = capturedExpectation[label];
    assert.ok(expected);
    const attributes = packServiceIdentity(expected.key);
    recorder.save(
      { file, holds: `GET_DEST dump of ${label}`, cmd: IpvsCmd.GET_DEST, dump: true, attributes },
      expected.destinations,
    );
  }
}

function recordConfiguration(recorder: FixtureRecorder): void {
  const header = mustIpvsadm(['-Ln']).split('\n')[0] ?? '';
  const [, version, size] = /version (\S+) \(size=(\d+)\)/.exec(header) ?? [];
  const info = { version, connTableSize: Number(size) };
  recorder.save(
    {
      file: 'info.bin',
      holds: 'GET_INFO reply and ACK',
      cmd: IpvsCmd.GET_INFO,
      dump: false,
      attributes: EMPTY,
    },
    info,
  );
  mustIpvsadm(['--set', '1000', '130', '310']);
  const holds = 'GET_CONFIG reply after ipvsadm --set 1000 130 310';
  recorder.save(
    { file: 'config.bin', holds, cmd: IpvsCmd.GET_CONFIG, dump: false, attributes: EMPTY },
    { tcp: 1000, tcpFin: 130, udp: 310 },
  );
  mustExec('ip', ['link', 'add', 'krec0', 'type', 'veth', 'peer', 'name', 'krec1']);
  mustExec('ip', ['link', 'set', 'krec0', 'up']);
  mustIpvsadm(['--start-daemon', 'master', '--mcast-interface', 'krec0', '--syncid', '5']);
  mustIpvsadm([
    '--start-daemon',
    'backup',
    '--mcast-interface',
    'krec0',
    '--syncid',
    '6',
    '--mcast-group',
    '239.1.2.3',
    '--mcast-port',
    '8850',
    '--mcast-ttl',
    '2',
    '--sync-maxlen',
    '1200',
  ]);
  // The master's unset options read back as the kernel's defaults (ip_vs_sync.c, ipvsadm --daemon shows them).
  recorder.save(
    {
      file: 'daemon-dump.bin',
      holds: 'GET_DAEMON dump: master syncid 5 and backup syncid 6 on krec0',
      cmd: IpvsCmd.GET_DAEMON,
      dump: true,
      attributes: EMPTY,
    },
    [
      {
        state: 'master',
        interface: 'krec0',
        syncId: 5,
        maxLen: 1472,
        group: '224.0.0.81',
        port: 8848,
        ttl: 1,
      },
      {
        state: 'backup',
        interface: 'krec0',
        syncId: 6,
        maxLen: 1200,
        group: '239.1.2.3',
        port: 8850,
        ttl: 2,
      },
    ],
  );
  mustIpvsadm(['--stop-daemon', 'master']);
}

function describeRecording(): void {
  let raw: RawIpvs;
  let recorder: FixtureRecorder;
  let scenario: NatScenario | undefined;

  before(async () => {
    clearAll();
    for (const line of capturedCommands) mustIpvsadm(line.split(' '));
    scenario = createNatScenario(2);
    const vip = `${scenario.vip}:80`;
    mustIpvsadm(['-A', '-t', vip, '-s', 'rr']);
    for (const server of scenario.servers) mustIpvsadm(['-a', '-t', vip, '-r', `${server.address}:80`, '-m']);
    assert.equal(scenario.request(REQUESTS).ok, REQUESTS);
    await pollUntil(
      () => statsOf(`TCP ${vip}`).conns,
      (conns) => conns === REQUESTS,
    );
    raw = new RawIpvs();
    recorder = new FixtureRecorder(raw);
  });
  after(() => {
    raw.close();
    clearAll();
    scenario?.close();
    mustIpvsadm(['--set', '900', '120', '300']);
    exec('ip', ['link', 'del', 'krec0']);
  });

  void it('records service and destination dumps (STATS64 with real traffic)', () => {
    assert.ok(scenario);
    recordDumps(recorder, scenario);
  });

  void it('records info, config and daemon replies', () => {
    recordConfiguration(recorder);
  });

  void it('records error acknowledgements and writes the index', () => {
    const existing = capturedExpectation['TCP 10.10.10.10:80'];
    assert.ok(existing);
    for (const probe of errorProbes(existing.key)) recorder.save(probe, probe.expected);
    recorder.writeIndex();
  });
}

if (process.env['KTEST_RECORD_FIXTURES'] === '1') {
  void describe('recording kernel reply fixtures', describeRecording);
}
