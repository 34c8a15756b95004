// fast-check generators of what a user could send to POST /services and POST .../destinations, kept only
// where the API's own schemas accept it: the tables the API can build, as opposed to arbitraries.ts, which
// builds the tables ipvsadm could have made.
import fc from 'fast-check';
import { formatIpAddress } from '../../ip-address.js';
import type { AddressFamily, ServiceInput, ServiceKey } from '../../model.js';
import { destinationForServiceProblem, destinationInputSchema } from '../../schemas/destination.js';
import { dottedMaskFromPrefix } from '../../schemas/netmask.js';
import { schedulerFlagNames, schedulerNames } from '../../schemas/primitives.js';
import { serviceInputSchema } from '../../schemas/service.js';
import type { SavableDestination, SavableService } from '../save-table.js';

const family = fc.constantFrom<AddressFamily>('inet', 'inet6');

const address = (of: AddressFamily) =>
  fc
    .uint8Array({ minLength: of === 'inet' ? 4 : 16, maxLength: of === 'inet' ? 4 : 16 })
    .map((bytes) => formatIpAddress({ family: of, bytes: [...bytes] }));

const port = fc.oneof(fc.constantFrom(0, 80, 443), fc.integer({ min: 0, max: 65535 }));

/** Any of the settings a request may carry; the schema decides which combinations stand. */
const settings = fc.record(
  {
    scheduler: fc.constantFrom(...schedulerNames),
    schedulerFlags: fc.subarray([...schedulerFlagNames]),
    persistence: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2678400 })),
    netmask: fc.oneof(
      fc.integer({ min: 0, max: 32 }).map(dottedMaskFromPrefix),
      fc.integer({ min: 1, max: 128 }).map(String),
    ),
    persistenceEngine: fc.constantFrom(null, 'sip'),
    onePacket: fc.boolean(),
  },
  { requiredKeys: [] },
);

const serviceRequest = fc.oneof(
  fc
    .record({ protocol: fc.constantFrom('tcp', 'udp', 'sctp'), family, port, settings })
    .chain(({ family: of, settings: rest, ...key }) =>
      address(of).map((text) => ({ ...key, address: text, ...rest })),
    ),
  fc
    .record({ fwmark: fc.integer({ min: 1, max: 0xffffffff }), family, settings })
    .map(({ settings: rest, ...key }) => ({ protocol: 'fwmark', ...key, ...rest })),
);

/** Services as POST /services makes them (the schema's output); requests it refuses are dropped. */
const acceptedService: fc.Arbitrary<ServiceInput> = serviceRequest
  .map((request) => serviceInputSchema.safeParse(request))
  .filter((result) => result.success)
  .map((result) => result.data);

const tunnel = fc.record(
  {
    tunnelType: fc.constantFrom('ipip', 'gue', 'gre'),
    tunnelPort: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 65535 })),
    tunnelChecksum: fc.constantFrom('nocsum', 'csum', 'remcsum'),
  },
  { requiredKeys: [] },
);

/** Real servers as POST .../destinations would take them for this service (schema + service check). */
function acceptedDestination(service: ServiceInput): fc.Arbitrary<SavableDestination> {
  const servicePort = service.protocol === 'fwmark' ? 0 : service.port;
  const serviceFamily =
    service.protocol === 'fwmark' ? service.family : service.address.includes(':') ? 'inet6' : 'inet';
  return fc
    .record({
      // Mostly the service's own family and port, so that most requests are accepted.
      family: fc.oneof(
        { arbitrary: fc.constant(serviceFamily), weight: 4 },
        { arbitrary: family, weight: 1 },
      ),
      port: fc.oneof(fc.constant(servicePort), port),
      forwarding: fc.constantFrom('route', 'tunnel', 'masq'),
      weight: fc.integer({ min: 0, max: 65535 }),
      thresholds: fc.tuple(fc.nat({ max: 2147483647 }), fc.nat({ max: 2147483647 })),
      tunnel,
    })
    .chain(({ family: of, thresholds: [lower, upper], tunnel: rest, ...fields }) =>
      address(of).map((text) => ({
        ...fields,
        address: text,
        lowerThreshold: Math.min(lower, upper),
        upperThreshold: Math.max(lower, upper),
        ...(fields.forwarding === 'tunnel' ? rest : {}),
      })),
    )
    .map((request) => destinationInputSchema.safeParse(request))
    .filter((result) => result.success && destinationForServiceProblem(service, result.data) === null)
    .map((result) => result.data as SavableDestination);
}

const serviceWithDestinations: fc.Arbitrary<SavableService> = acceptedService.chain((input) =>
  fc
    .uniqueArray(acceptedDestination(input), {
      maxLength: 4,
      selector: (dest) => `${dest.address}|${dest.port}`,
    })
    .map((destinations) => {
      const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket } = input;
      const key: ServiceKey =
        input.protocol === 'fwmark'
          ? { protocol: 'fwmark', fwmark: input.fwmark, family: input.family }
          : { protocol: input.protocol, address: input.address, port: input.port };
      const service = { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket };
      return { key, ...service, destinations };
    }),
);

/** A table made of services and real servers the API accepted, one request at a time. */
export const apiTable = fc.uniqueArray(serviceWithDestinations, {
  maxLength: 5,
  selector: ({ key }) =>
    key.protocol === 'fwmark' ? `f${key.fwmark}${key.family}` : `${key.protocol}${key.address}${key.port}`,
});
