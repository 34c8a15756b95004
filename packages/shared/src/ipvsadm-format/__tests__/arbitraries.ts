// fast-check generators of valid IPVS tables, as ipvsadm could have built them.
import fc from 'fast-check';
import { formatIpAddress } from '../../ip-address.js';
import type { AddressFamily, SchedulerFlag, ServiceKey, ServiceSettings } from '../../model.js';
import { dottedMaskFromPrefix } from '../../schemas/netmask.js';
import { schedulerNames } from '../../schemas/primitives.js';
import type { SavableDestination, SavableService } from '../save-table.js';

const address = (family: AddressFamily) =>
  fc
    .uint8Array({ minLength: family === 'inet' ? 4 : 16, maxLength: family === 'inet' ? 4 : 16 })
    .map((bytes) => formatIpAddress({ family, bytes: [...bytes] }));

const family = fc.constantFrom<AddressFamily>('inet', 'inet6');

export const serviceKey: fc.Arbitrary<ServiceKey> = fc.oneof(
  fc
    .record({
      protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'sctp' as const),
      family,
      port: fc.integer({ min: 1, max: 65535 }),
    })
    .chain(({ protocol, family, port }) =>
      address(family).map((text) => ({ protocol, address: text, port })),
    ),
  fc.record({
    protocol: fc.constant('fwmark' as const),
    fwmark: fc.integer({ min: 1, max: 0xffffffff }),
    family,
  }),
);

function familyOf(key: ServiceKey): AddressFamily {
  return key.protocol === 'fwmark' ? key.family : key.address.includes(':') ? 'inet6' : 'inet';
}

function settingsFor(key: ServiceKey): fc.Arbitrary<ServiceSettings> {
  return fc.constantFrom(...schedulerNames).chain((scheduler) => {
    const names: SchedulerFlag[] =
      scheduler === 'sh'
        ? ['sh-fallback', 'sh-port', 'flag-3']
        : scheduler === 'mh'
          ? ['mh-fallback', 'mh-port', 'flag-3']
          : ['flag-1', 'flag-2', 'flag-3'];
    const v6 = familyOf(key) === 'inet6';
    return fc
      .record({
        scheduler: fc.constant(scheduler),
        schedulerFlags: fc.subarray(names),
        persistence: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2678400 })),
        mask: v6
          ? fc.integer({ min: 1, max: 128 }).map(String)
          : fc.oneof(
              fc.integer({ min: 0, max: 32 }).map(dottedMaskFromPrefix),
              // ipvsadm -R and the kernel keep non-contiguous masks as given.
              fc.uint8Array({ minLength: 4, maxLength: 4 }).map((bytes) => bytes.join('.')),
            ),
        persistenceEngine: fc.constantFrom(null, 'sip'),
        onePacket: key.protocol === 'udp' || key.protocol === 'fwmark' ? fc.boolean() : fc.constant(false),
      })
      .map(({ mask, ...settings }) => {
        const full = v6 ? '128' : '255.255.255.255';
        return { ...settings, netmask: settings.persistence > 0 ? mask : full };
      });
  });
}

function destinationFor(key: ServiceKey): fc.Arbitrary<SavableDestination> {
  const tunnel = fc.oneof(
    fc.constant({ tunnelType: 'ipip' as const, tunnelPort: 0, tunnelChecksum: 'nocsum' as const }),
    fc.record({
      tunnelType: fc.constant('gue' as const),
      tunnelPort: fc.integer({ min: 1, max: 65535 }),
      tunnelChecksum: fc.constantFrom('nocsum' as const, 'csum' as const, 'remcsum' as const),
    }),
    fc.record({
      tunnelType: fc.constant('gre' as const),
      tunnelPort: fc.constant(0),
      tunnelChecksum: fc.constantFrom('nocsum' as const, 'csum' as const),
    }),
  );
  return fc
    .record({
      forwarding: fc.constantFrom('route' as const, 'tunnel' as const, 'masq' as const),
      otherFamily: fc.boolean(),
      port: fc.integer({ min: 0, max: 65535 }),
      // ipvsadm -R and the kernel take weights up to INT_MAX.
      weight: fc.oneof(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 2147483647 })),
      thresholds: fc
        .tuple(fc.nat({ max: 2147483647 }), fc.nat({ max: 2147483647 }))
        .map(([a, b]) => (a <= b ? [a, b] : [b, a])),
      tunnel,
    })
    .chain(({ forwarding, otherFamily, port, weight, thresholds: [lower = 0, upper = 0], tunnel }) => {
      const serviceFamily = familyOf(key);
      const destFamily =
        forwarding === 'tunnel' && otherFamily
          ? serviceFamily === 'inet'
            ? 'inet6'
            : 'inet'
          : serviceFamily;
      const destPort = key.protocol !== 'fwmark' && forwarding !== 'masq' ? key.port : port;
      return address(destFamily).map((text) => ({
        address: text,
        port: destPort,
        forwarding,
        weight,
        upperThreshold: upper,
        lowerThreshold: lower,
        ...(forwarding === 'tunnel'
          ? tunnel
          : { tunnelType: 'ipip' as const, tunnelPort: 0, tunnelChecksum: 'nocsum' as const }),
      }));
    });
}

const service: fc.Arbitrary<SavableService> = serviceKey.chain((key) =>
  fc
    .tuple(
      settingsFor(key),
      fc.uniqueArray(destinationFor(key), {
        maxLength: 5,
        selector: (dest) => `${dest.address}|${dest.port}`,
      }),
    )
    .map(([settings, destinations]) => ({ key, ...settings, destinations })),
);

export const savableTable = fc.uniqueArray(service, {
  maxLength: 6,
  selector: ({ key }) =>
    key.protocol === 'fwmark' ? `f${key.fwmark}${key.family}` : `${key.protocol}${key.address}${key.port}`,
});
