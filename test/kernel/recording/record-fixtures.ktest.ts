// KTEST_RECORD_FIXTURES=1 only: records real kernel replies into test/kernel/fixtures/*.bin with an
// index.json saying what each holds and what it must decode to. The expected values come from the ipvsadm
// commands that built the table and from ipvsadm's listings, never from the client.
// The Vitest test apps/agent/src/ipvs/__tests__/kernel-fixtures.test.ts decodes them.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  IpvsCmd,
  packDaemonStop,
  packDestinationFull,
  packDestinationIdentity,
  packServiceFull,
  packServiceIdentity,
} from '@ipvs-dashboard/agent/ipvs';
import type { Destination, ServiceKey, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { capturedCommands, capturedExpectation } from '../client/captured-table.js';
import { destination, service, serviceSettings, tcp } from '../client/inputs.js';
import { clearAll, mustIpvsadm } from '../ipvsadm.js';
import { mustExec } from '../lib/exec.js';
import { pollUntil } from '../lib/wait-for.js';
import { createNatScenario, type NatScenario } from '../scenario.js';
import { connectionsOf, stableRecording, statsOf } from './expected-from-ipvsadm.js';
import { RawIpvs } from './raw-netlink.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const EMPTY = Buffer.alloc(0);

interface FixtureEntry {
  file: string;
  holds: string;
  request: { cmd: number; flags: number };
  decodesTo: unknown;
}

function withoutDestinations(entry: ServiceWithDestinations): Omit<ServiceWithDestinations, 'destinations'> {
  const { destinations: _unused, ...rest } = entry;
  return rest;
}

function describeRecording(): void {
  const entries: FixtureEntry[] = [];
  let raw: RawIpvs;
  let scenario: NatScenario | undefined;

  function save(
    file: string,
    holds: string,
    cmd: number,
    dump: boolean,
    attributes: Buffer,
    decodesTo: unknown,
  ) {
    const { bytes, flags } = raw.exchange(cmd, attributes, dump);
    writeFileSync(new URL(file, FIXTURES), bytes);
    entries.push({ file, holds, request: { cmd, flags }, decodesTo });
  }

  before(async () => {
    clearAll();
    for (const line of capturedCommands) mustIpvsadm(line.split(' '));
    scenario = createNatScenario(2);
    const vip = `${scenario.vip}:80`;
    mustIpvsadm(['-A', '-t', vip, '-s', 'rr']);
    for (const server of scenario.servers) mustIpvsadm(['-a', '-t', vip, '-r', `${server.address}:80`, '-m']);
    assert.equal(scenario.request(12).ok, 12);
    await pollUntil(
      () => statsOf(`TCP ${vip}`).conns,
      (conns) => conns === 12,
    );
    raw = new RawIpvs();
  });
  after(() => {
    raw.close();
    clearAll();
    scenario?.close();
    mustIpvsadm(['--set', '900', '120', '300']);
  });

  void it('records service and destination dumps (STATS64 with real traffic)', () => {
    assert.ok(scenario);
    const vipRow = `TCP ${scenario.vip}:80`;
    const trafficKey = tcp(scenario.vip, 80);
    const servers = scenario.servers;
    const trafficService = () => ({
      key: trafficKey,
      family: 'inet',
      ...serviceSettings(trafficKey, { scheduler: 'rr' }),
      stats: statsOf(vipRow),
    });
    const services = stableRecording(trafficService, () => raw.exchange(IpvsCmd.GET_SERVICE, EMPTY, true));
    writeFileSync(new URL('service-dump.bin', FIXTURES), services.value.bytes);
    entries.push({
      file: 'service-dump.bin',
      holds: 'GET_SERVICE dump: the captured reference table plus a NAT service with 12 real connections',
      request: { cmd: IpvsCmd.GET_SERVICE, flags: services.value.flags },
      decodesTo: [...Object.values(capturedExpectation).map(withoutDestinations), services.expected],
    });

    const trafficDests = (): Destination[] =>
      servers.map((server) => ({
        ...destination(server.address, 80, { forwarding: 'masq' }),
        family: 'inet',
        ...connectionsOf(`${server.address}:80`),
        stats: statsOf(`${server.address}:80`),
      }));
    const dests = stableRecording(trafficDests, () =>
      raw.exchange(IpvsCmd.GET_DEST, packServiceIdentity(trafficKey), true),
    );
    writeFileSync(new URL('dest-dump-stats64.bin', FIXTURES), dests.value.bytes);
    entries.push({
      file: 'dest-dump-stats64.bin',
      holds: `GET_DEST dump of ${vipRow}: 2 NAT real servers with counters and rates (STATS64)`,
      request: { cmd: IpvsCmd.GET_DEST, flags: dests.value.flags },
      decodesTo: dests.expected,
    });
    for (const [file, label] of [
      ['dest-dump-thresholds.bin', 'TCP 10.10.10.10:80'],
      ['dest-dump-gue.bin', 'SCTP 10.10.10.10:3868'],
      ['dest-dump-ipv6.bin', 'TCP [2001:db8::10]:80'],
    ] as const) {
      const expected = capturedExpectation[label];
      assert.ok(expected);
      save(
        file,
        `GET_DEST dump of ${label}`,
        IpvsCmd.GET_DEST,
        true,
        packServiceIdentity(expected.key),
        expected.destinations,
      );
    }
  });

  void it('records info, config and daemon replies', () => {
    const header = mustIpvsadm(['-Ln']).split('\n')[0] ?? '';
    const [, version, size] = /version (\S+) \(size=(\d+)\)/.exec(header) ?? [];
    save('info.bin', 'GET_INFO reply and ACK', IpvsCmd.GET_INFO, false, EMPTY, {
      version,
      connTableSize: Number(size),
    });
    mustIpvsadm(['--set', '1000', '130', '310']);
    save(
      'config.bin',
      'GET_CONFIG reply after ipvsadm --set 1000 130 310',
      IpvsCmd.GET_CONFIG,
      false,
      EMPTY,
      {
        tcp: 1000,
        tcpFin: 130,
        udp: 310,
      },
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
    save(
      'daemon-dump.bin',
      'GET_DAEMON dump: master syncid 5 and backup syncid 6 on krec0',
      IpvsCmd.GET_DAEMON,
      true,
      EMPTY,
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
  });

  void it('records error acknowledgements', () => {
    const existing = capturedExpectation['TCP 10.10.10.10:80'];
    assert.ok(existing);
    const missing: ServiceKey = tcp('10.10.10.99', 80);
    // errno values: ip_vs_ctl.c (EEXIST, ESRCH, ERANGE) and ip_vs_sched.c (ENOENT for an unknown scheduler).
    const probes: [string, string, number, Buffer, string, number, string][] = [
      [
        'error-service-exists.bin',
        'NEW_SERVICE for TCP 10.10.10.10:80 that exists',
        IpvsCmd.NEW_SERVICE,
        packServiceFull(service(existing.key, { scheduler: 'rr' })),
        'add-service',
        17,
        'SERVICE_EXISTS',
      ],
      [
        'error-scheduler-not-found.bin',
        'NEW_SERVICE with scheduler "nosuch"',
        IpvsCmd.NEW_SERVICE,
        packServiceFull(service(tcp('10.10.10.11', 80), { scheduler: 'nosuch' })),
        'add-service',
        2,
        'SCHEDULER_NOT_FOUND',
      ],
      [
        'error-service-not-found.bin',
        'DEL_SERVICE for TCP 10.10.10.99:80 (not defined)',
        IpvsCmd.DEL_SERVICE,
        packServiceIdentity(missing),
        'delete-service',
        3,
        'SERVICE_NOT_FOUND',
      ],
      [
        'error-destination-not-found.bin',
        'DEL_DEST 10.99.0.2:80 from TCP 10.10.10.10:80',
        IpvsCmd.DEL_DEST,
        packDestinationIdentity(existing.key, { address: '10.99.0.2', port: 80 }),
        'delete-destination',
        2,
        'DESTINATION_NOT_FOUND',
      ],
      [
        'error-out-of-range.bin',
        'NEW_DEST with lower threshold 10 > upper 5',
        IpvsCmd.NEW_DEST,
        packDestinationFull(
          existing.key,
          destination('10.20.0.9', 80, { upperThreshold: 5, lowerThreshold: 10 }),
        ),
        'add-destination',
        34,
        'OUT_OF_RANGE',
      ],
      [
        'error-daemon-not-running.bin',
        'DEL_DAEMON master after it was stopped',
        IpvsCmd.DEL_DAEMON,
        packDaemonStop('master'),
        'stop-daemon',
        3,
        'DAEMON_NOT_RUNNING',
      ],
    ];
    mustIpvsadm(['--stop-daemon', 'master']);
    for (const [file, holds, cmd, attributes, operation, errno, code] of probes) {
      save(file, holds, cmd, false, attributes, { operation, errno, code });
    }
    mustIpvsadm(['--stop-daemon', 'backup']);
    mustExec('ip', ['link', 'del', 'krec0']);
    const index = {
      recordedOn: readFileSync('/proc/version', 'utf8').trim(),
      familyId: raw.familyId,
      familyVersion: raw.version,
      note: 'Each .bin is the kernel datagrams of one exchange, concatenated. Stats/rates/conns are ipvsadm -Ln --stats/--rate --exact readings taken before and after the dump (equal).',
      fixtures: entries,
    };
    writeFileSync(new URL('index.json', FIXTURES), `${JSON.stringify(index, null, 2)}\n`);
  });
}

if (process.env['KTEST_RECORD_FIXTURES'] === '1') {
  void describe('recording kernel reply fixtures', describeRecording);
}
