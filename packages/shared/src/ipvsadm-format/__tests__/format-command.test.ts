import { describe, expect, it } from 'vitest';
import type { IpvsadmCommand } from '../commands.js';
import { formatCommand, renderIpvsadmCommand } from '../format-command.js';
import { parseRestoreText } from '../parse-restore.js';

const web = { protocol: 'tcp', address: '10.0.0.1', port: 80 } as const;
const dns6 = { protocol: 'udp', address: '2001:db8::53', port: 53 } as const;
const mark = { protocol: 'fwmark', fwmark: 200, family: 'inet6' } as const;
const real = {
  address: '10.0.1.2',
  port: 8080,
  forwarding: 'masq',
  weight: 3,
  upperThreshold: 1000,
  lowerThreshold: 800,
  tunnelType: 'ipip',
  tunnelPort: 0,
  tunnelChecksum: 'nocsum',
} as const;

const cases: Array<[IpvsadmCommand, string]> = [
  [
    {
      kind: 'add-service',
      service: {
        ...web,
        scheduler: 'sh',
        schedulerFlags: ['sh-port', 'sh-fallback'],
        persistence: 600,
        netmask: '255.255.255.0',
        persistenceEngine: 'sip',
        onePacket: false,
      },
    },
    'ipvsadm -A -t 10.0.0.1:80 -s sh -p 600 -M 255.255.255.0 --pe sip -b sh-fallback,sh-port',
  ],
  [
    {
      kind: 'edit-service',
      service: {
        ...dns6,
        scheduler: 'wrr',
        schedulerFlags: [],
        persistence: 0,
        netmask: '128',
        persistenceEngine: null,
        onePacket: true,
      },
    },
    'ipvsadm -E -u [2001:db8::53]:53 -s wrr -o',
  ],
  [{ kind: 'delete-service', service: mark }, 'ipvsadm -D -f 200 -6'],
  [
    { kind: 'add-destination', service: web, destination: real },
    'ipvsadm -a -t 10.0.0.1:80 -r 10.0.1.2:8080 -m -w 3 -x 1000 -y 800',
  ],
  [
    {
      kind: 'edit-destination',
      service: mark,
      destination: {
        ...real,
        address: '10.0.1.9',
        port: 0,
        forwarding: 'tunnel',
        tunnelType: 'gre',
        tunnelChecksum: 'csum',
        upperThreshold: 0,
        lowerThreshold: 0,
      },
    },
    'ipvsadm -e -f 200 -6 -r 10.0.1.9:0 -i -w 3 --tun-type gre --tun-csum',
  ],
  [
    { kind: 'delete-destination', service: dns6, destination: { address: '2001:db8::10', port: 53 } },
    'ipvsadm -d -u [2001:db8::53]:53 -r [2001:db8::10]:53',
  ],
  [{ kind: 'clear' }, 'ipvsadm -C'],
  [{ kind: 'zero' }, 'ipvsadm -Z'],
  [{ kind: 'zero', service: web }, 'ipvsadm -Z -t 10.0.0.1:80'],
  [{ kind: 'set-timeouts', timeouts: { tcp: 900, tcpFin: 0, udp: 300 } }, 'ipvsadm --set 900 0 300'],
  [
    {
      kind: 'start-daemon',
      daemon: {
        state: 'backup',
        interface: 'eth1',
        syncId: 7,
        group: '224.0.0.81',
        port: 8848,
        ttl: 2,
        maxLen: 1472,
      },
    },
    'ipvsadm --start-daemon backup --mcast-interface eth1 --syncid 7 --sync-maxlen 1472 --mcast-group 224.0.0.81 --mcast-port 8848 --mcast-ttl 2',
  ],
  [{ kind: 'stop-daemon', state: 'master', syncId: 7 }, 'ipvsadm --stop-daemon master --syncid 7'],
];

describe('format-command', () => {
  it('renders the ipvsadm command of every kind of change', () => {
    for (const [command, text] of cases) expect(renderIpvsadmCommand(command)).toBe(text);
  });

  it('renders commands that ipvsadm -R reads back as the same change', () => {
    for (const [command, text] of cases) {
      const [parsed] = parseRestoreText(text);
      const expected =
        command.kind === 'add-service'
          ? { ...command, service: { ...command.service, schedulerFlags: ['sh-fallback', 'sh-port'] } }
          : command;
      expect(parsed?.command, text).toEqual(expected);
    }
  });

  it('leaves thresholds out when asked to print exactly what ipvsadm -S prints', () => {
    const command: IpvsadmCommand = { kind: 'add-destination', service: web, destination: real };
    expect(formatCommand(command, { thresholds: false })).toBe('-a -t 10.0.0.1:80 -r 10.0.1.2:8080 -m -w 3');
  });
});
