// The table of docs/reference/ipvsadm-1.31-captured.md: the ipvsadm commands that build it and,
// written out by hand from those commands and ipvsadm(8), every field a reader must report for it.
import type {
  AddressFamily,
  DestinationInput,
  ServiceKey,
  ServiceSettings,
  ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { destination, fwmark, serviceSettings, tcp } from './inputs.js';

export const capturedCommands = [
  '-A -t 10.10.10.10:80 -s wrr',
  '-a -t 10.10.10.10:80 -r 10.20.0.2:80 -m -w 3 -x 100 -y 50',
  '-a -t 10.10.10.10:80 -r 10.30.0.2:80 -m -w 1',
  '-A -t 10.10.10.10:443 -s sh -b sh-fallback,sh-port -p 600 -M 255.255.255.0',
  '-a -t 10.10.10.10:443 -r 10.20.0.2:443 -g -w 0',
  '-A -u 10.10.10.10:53 -s lc',
  '-a -u 10.10.10.10:53 -r 10.20.0.2:5353 -m -w 2',
  '-A -f 7 -s rr -p',
  '-a -f 7 -r 10.20.0.2:0 -i -w 5',
  '-A -t [2001:db8::10]:80 -s mh -b mh-fallback,mh-port',
  '-a -t [2001:db8::10]:80 -r [2001:db8::20]:8080 -m -w 1',
  '-A --sctp-service 10.10.10.10:3868 -s rr',
  '-a --sctp-service 10.10.10.10:3868 -r 10.20.0.2:3868 -i --tun-type gue --tun-port 6080 --tun-nocsum',
  '-A -f 8 -6 -s wlc',
  '-A -u 10.10.10.10:5060 -s rr -p 120 --pe sip -o',
];

const zero = {
  conns: 0,
  inPackets: 0,
  outPackets: 0,
  inBytes: 0,
  outBytes: 0,
  cps: 0,
  inPps: 0,
  outPps: 0,
  inBps: 0,
  outBps: 0,
};
const idle = { activeConns: 0, inactiveConns: 0, persistentConns: 0, overloaded: false, stats: zero };

function familyOf(address: string): AddressFamily {
  return address.includes(':') ? 'inet6' : 'inet';
}

function entry(
  key: ServiceKey,
  settings: Partial<ServiceSettings>,
  destinations: DestinationInput[],
): ServiceWithDestinations {
  return {
    key,
    family: key.protocol === 'fwmark' ? key.family : familyOf(key.address),
    ...serviceSettings(key, settings),
    stats: zero,
    destinations: destinations.map((dest) => ({ ...dest, ...idle, family: familyOf(dest.address) })),
  };
}

/** What each service must read back as, keyed like ipvsadm -Ln prints it. */
export const capturedExpectation: Record<string, ServiceWithDestinations> = {
  'TCP 10.10.10.10:80': entry(tcp('10.10.10.10', 80), { scheduler: 'wrr' }, [
    destination('10.20.0.2', 80, { forwarding: 'masq', weight: 3, upperThreshold: 100, lowerThreshold: 50 }),
    destination('10.30.0.2', 80, { forwarding: 'masq', weight: 1 }),
  ]),
  'TCP 10.10.10.10:443': entry(
    tcp('10.10.10.10', 443),
    {
      scheduler: 'sh',
      schedulerFlags: ['sh-fallback', 'sh-port'],
      persistence: 600,
      netmask: '255.255.255.0',
    },
    [destination('10.20.0.2', 443, { weight: 0 })],
  ),
  'UDP 10.10.10.10:53': entry({ protocol: 'udp', address: '10.10.10.10', port: 53 }, { scheduler: 'lc' }, [
    destination('10.20.0.2', 5353, { forwarding: 'masq', weight: 2 }),
  ]),
  // ipvsadm's bare -p means 360 s (ipvsadm.c IPVS_SVC_PERSISTENT_TIMEOUT).
  'FWM 7': entry(fwmark(7), { scheduler: 'rr', persistence: 360 }, [
    destination('10.20.0.2', 0, { forwarding: 'tunnel', weight: 5 }),
  ]),
  'TCP [2001:db8::10]:80': entry(
    tcp('2001:db8::10', 80),
    { scheduler: 'mh', schedulerFlags: ['mh-fallback', 'mh-port'] },
    [destination('2001:db8::20', 8080, { forwarding: 'masq', weight: 1 })],
  ),
  'SCTP 10.10.10.10:3868': entry(
    { protocol: 'sctp', address: '10.10.10.10', port: 3868 },
    { scheduler: 'rr' },
    [destination('10.20.0.2', 3868, { forwarding: 'tunnel', tunnelType: 'gue', tunnelPort: 6080 })],
  ),
  'FWM 8': entry(fwmark(8, 'inet6'), { scheduler: 'wlc' }, []),
  'UDP 10.10.10.10:5060': entry(
    { protocol: 'udp', address: '10.10.10.10', port: 5060 },
    { scheduler: 'rr', persistence: 120, persistenceEngine: 'sip', onePacket: true },
    [],
  ),
};
