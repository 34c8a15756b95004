// Each case is one change made twice: once with ipvsadm commands, once through KernelBackend. The kernel
// must end up in the same state both times (compared with tableText()).
import type { IpvsBackend } from '@ipvs-dashboard/agent/ipvs';
import { destination, fwmark, service, serviceSettings, tcp } from './inputs.js';

export interface OperationCase {
  name: string;
  /** ipvsadm command lines, split on spaces. */
  ipvsadm: string[];
  client: (backend: IpvsBackend) => Promise<void>;
}

/** Every scheduler the Debian 6.1 UML kernel ships (ls /usr/lib/uml/modules/.../ipvs; no twos). */
export const SCHEDULERS = [
  'rr',
  'wrr',
  'lc',
  'wlc',
  'lblc',
  'lblcr',
  'dh',
  'sh',
  'sed',
  'nq',
  'fo',
  'ovf',
  'mh',
];

const V4 = tcp('10.10.0.1', 80);
const V6 = tcp('2001:db8::1', 80);

export const operationCases: OperationCase[] = [
  {
    name: 'adds one TCP service per scheduler',
    ipvsadm: SCHEDULERS.map((name, index) => `-A -t 10.10.0.1:${8000 + index} -s ${name}`),
    client: async (backend) => {
      for (const [index, name] of SCHEDULERS.entries()) {
        await backend.addService(service(tcp('10.10.0.1', 8000 + index), { scheduler: name }));
      }
    },
  },
  {
    name: 'adds UDP, SCTP, IPv6 and fwmark services (IPv4 and -6)',
    ipvsadm: [
      '-A -u 10.10.0.1:53 -s rr',
      '-A --sctp-service 10.10.0.1:3868 -s wrr',
      '-A -t [2001:db8::1]:80 -s lc',
      '-A -u [2001:db8::1]:53 -s rr',
      '-A -f 7 -s rr',
      '-A -f 8 -6 -s wlc',
    ],
    client: async (backend) => {
      await backend.addService(
        service({ protocol: 'udp', address: '10.10.0.1', port: 53 }, { scheduler: 'rr' }),
      );
      await backend.addService(
        service({ protocol: 'sctp', address: '10.10.0.1', port: 3868 }, { scheduler: 'wrr' }),
      );
      await backend.addService(service(V6, { scheduler: 'lc' }));
      await backend.addService(
        service({ protocol: 'udp', address: '2001:db8::1', port: 53 }, { scheduler: 'rr' }),
      );
      await backend.addService(service(fwmark(7), { scheduler: 'rr' }));
      await backend.addService(service(fwmark(8, 'inet6'), { scheduler: 'wlc' }));
    },
  },
  {
    name: 'sets sh and mh flags, persistence, netmask, pe sip and one-packet',
    ipvsadm: [
      '-A -t 10.10.0.1:443 -s sh -b sh-fallback,sh-port -p 600 -M 255.255.255.0',
      '-A -t [2001:db8::1]:443 -s mh -b mh-fallback,mh-port -p 60 -M 64',
      '-A -u 10.10.0.1:5060 -s rr -p 120 --pe sip',
      '-A -u 10.10.0.1:514 -s rr -o',
      '-A -f 9 -s rr -p',
    ],
    client: async (backend) => {
      await backend.addService(
        service(tcp('10.10.0.1', 443), {
          scheduler: 'sh',
          schedulerFlags: ['sh-fallback', 'sh-port'],
          persistence: 600,
          netmask: '255.255.255.0',
        }),
      );
      await backend.addService(
        service(tcp('2001:db8::1', 443), {
          scheduler: 'mh',
          schedulerFlags: ['mh-fallback', 'mh-port'],
          persistence: 60,
          netmask: '64',
        }),
      );
      await backend.addService(
        service(
          { protocol: 'udp', address: '10.10.0.1', port: 5060 },
          { scheduler: 'rr', persistence: 120, persistenceEngine: 'sip' },
        ),
      );
      await backend.addService(
        service({ protocol: 'udp', address: '10.10.0.1', port: 514 }, { scheduler: 'rr', onePacket: true }),
      );
      // ipvsadm's bare -p means 360 s (ipvsadm.c IPVS_SVC_PERSISTENT_TIMEOUT).
      await backend.addService(service(fwmark(9), { scheduler: 'rr', persistence: 360 }));
    },
  },
  {
    name: 'adds real servers with every forwarding method, weights, thresholds and tunnel type',
    ipvsadm: [
      '-A -t 10.10.0.1:80 -s wrr',
      '-a -t 10.10.0.1:80 -r 10.10.20.2:80 -g -w 3',
      '-a -t 10.10.0.1:80 -r 10.10.20.3:80 -m -w 0 -x 100 -y 50',
      '-a -t 10.10.0.1:80 -r 10.10.20.4:8080 -m -w 70000',
      '-a -t 10.10.0.1:80 -r 10.10.20.5:80 -i -w 2',
      '-a -t 10.10.0.1:80 -r 10.10.20.6:80 -i --tun-type gue --tun-port 6080 --tun-nocsum',
      '-a -t 10.10.0.1:80 -r 10.10.20.7:80 -i --tun-type gue --tun-port 6081 --tun-csum',
      '-a -t 10.10.0.1:80 -r 10.10.20.8:80 -i --tun-type gue --tun-port 6082 --tun-remcsum',
      '-a -t 10.10.0.1:80 -r 10.10.20.9:80 -i --tun-type gre --tun-csum',
      '-A -t [2001:db8::1]:80 -s rr',
      '-a -t [2001:db8::1]:80 -r [2001:db8:20::2]:8080 -m -w 5 -x 10 -y 2',
      '-A -f 7 -s rr',
      '-a -f 7 -r 10.10.20.2:0 -g -w 4',
    ],
    client: async (backend) => {
      await backend.addService(service(V4, { scheduler: 'wrr' }));
      const dests = [
        destination('10.10.20.2', 80, { weight: 3 }),
        destination('10.10.20.3', 80, {
          forwarding: 'masq',
          weight: 0,
          upperThreshold: 100,
          lowerThreshold: 50,
        }),
        destination('10.10.20.4', 8080, { forwarding: 'masq', weight: 70000 }),
        destination('10.10.20.5', 80, { forwarding: 'tunnel', weight: 2 }),
        destination('10.10.20.6', 80, { forwarding: 'tunnel', tunnelType: 'gue', tunnelPort: 6080 }),
        destination('10.10.20.7', 80, {
          forwarding: 'tunnel',
          tunnelType: 'gue',
          tunnelPort: 6081,
          tunnelChecksum: 'csum',
        }),
        destination('10.10.20.8', 80, {
          forwarding: 'tunnel',
          tunnelType: 'gue',
          tunnelPort: 6082,
          tunnelChecksum: 'remcsum',
        }),
        destination('10.10.20.9', 80, { forwarding: 'tunnel', tunnelType: 'gre', tunnelChecksum: 'csum' }),
      ];
      for (const dest of dests) await backend.addDestination(V4, dest);
      await backend.addService(service(V6, { scheduler: 'rr' }));
      await backend.addDestination(
        V6,
        destination('2001:db8:20::2', 8080, {
          forwarding: 'masq',
          weight: 5,
          upperThreshold: 10,
          lowerThreshold: 2,
        }),
      );
      await backend.addService(service(fwmark(7), { scheduler: 'rr' }));
      await backend.addDestination(fwmark(7), destination('10.10.20.2', 0, { weight: 4 }));
    },
  },
  {
    name: 'edits a service and a real server',
    ipvsadm: [
      '-A -t 10.10.0.1:80 -s rr',
      '-a -t 10.10.0.1:80 -r 10.10.20.2:80 -m -w 1',
      '-E -t 10.10.0.1:80 -s sh -b sh-port -p 30 -M 255.255.0.0',
      '-e -t 10.10.0.1:80 -r 10.10.20.2:80 -m -w 7 -x 20 -y 5',
    ],
    client: async (backend) => {
      await backend.addService(service(V4, { scheduler: 'rr' }));
      await backend.addDestination(V4, destination('10.10.20.2', 80, { forwarding: 'masq' }));
      await backend.editService(
        V4,
        serviceSettings(V4, {
          scheduler: 'sh',
          schedulerFlags: ['sh-port'],
          persistence: 30,
          netmask: '255.255.0.0',
        }),
      );
      await backend.editDestination(
        V4,
        destination('10.10.20.2', 80, {
          forwarding: 'masq',
          weight: 7,
          upperThreshold: 20,
          lowerThreshold: 5,
        }),
      );
    },
  },
  {
    name: 'deletes a real server and a service',
    ipvsadm: [
      '-A -t 10.10.0.1:80 -s rr',
      '-a -t 10.10.0.1:80 -r 10.10.20.2:80',
      '-a -t 10.10.0.1:80 -r 10.10.20.3:80',
      '-A -t 10.10.0.1:81 -s rr',
      '-d -t 10.10.0.1:80 -r 10.10.20.2:80',
      '-D -t 10.10.0.1:81',
    ],
    client: async (backend) => {
      await backend.addService(service(V4, { scheduler: 'rr' }));
      await backend.addDestination(V4, destination('10.10.20.2', 80));
      await backend.addDestination(V4, destination('10.10.20.3', 80));
      await backend.addService(service(tcp('10.10.0.1', 81), { scheduler: 'rr' }));
      await backend.deleteDestination(V4, { address: '10.10.20.2', port: 80 });
      await backend.deleteService(tcp('10.10.0.1', 81));
    },
  },
  {
    name: 'clears the whole table',
    ipvsadm: ['-A -t 10.10.0.1:80 -s rr', '-a -t 10.10.0.1:80 -r 10.10.20.2:80', '-A -f 3 -s rr', '-C'],
    client: async (backend) => {
      await backend.addService(service(V4, { scheduler: 'rr' }));
      await backend.addDestination(V4, destination('10.10.20.2', 80));
      await backend.addService(service(fwmark(3), { scheduler: 'rr' }));
      await backend.clear();
    },
  },
  {
    name: 'sets the tcp, tcpfin and udp timeouts (0 leaves one unchanged)',
    ipvsadm: ['--set 901 121 301', '--set 0 60 0'],
    client: async (backend) => {
      await backend.setTimeouts({ tcp: 901, tcpFin: 121, udp: 301 });
      await backend.setTimeouts({ tcp: 0, tcpFin: 60, udp: 0 });
    },
  },
  {
    name: 'starts master and backup sync daemons and stops the master',
    ipvsadm: [
      '--start-daemon master --mcast-interface ksync0 --syncid 5',
      '--start-daemon backup --mcast-interface ksync0 --syncid 6 --sync-maxlen 1200 --mcast-group 239.1.2.3 --mcast-port 8850 --mcast-ttl 2',
      '--stop-daemon master',
    ],
    client: async (backend) => {
      await backend.startDaemon({ state: 'master', interface: 'ksync0', syncId: 5 });
      await backend.startDaemon({
        state: 'backup',
        interface: 'ksync0',
        syncId: 6,
        maxLen: 1200,
        group: '239.1.2.3',
        port: 8850,
        ttl: 2,
      });
      await backend.stopDaemon('master');
    },
  },
];
