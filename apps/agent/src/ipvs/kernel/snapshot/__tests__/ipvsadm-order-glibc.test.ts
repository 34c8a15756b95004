import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destinationId, sortDestinationsLikeIpvsadm } from '@ipvs-dashboard/shared';
import { sortDestinations } from '../ipvsadm-order.js';

// First octets whose u32 differences pass 2^31 both ways (10 < 100 < 192 < 10 under libipvs's int
// subtraction): the comparator is not transitive there, so only glibc's own merge sort gives ipvsadm's order.
const address = fc
  .record({
    a: fc.constantFrom(1, 10, 100, 112, 172, 192, 200, 250),
    b: fc.integer({ min: 0, max: 3 }),
    d: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ a, b, d }) => `${a}.${b}.0.${d}`);

describe('ipvsadm-order against the shared glibc merge sort', () => {
  it('lists real servers as ipvsadm does, even where the comparison is not transitive', () => {
    const dest = fc.record({
      address,
      port: fc.constantFrom(80, 8080),
      family: fc.constant('inet' as const),
    });
    fc.assert(
      fc.property(fc.uniqueArray(dest, { maxLength: 24, selector: (d) => destinationId(d) }), (dests) => {
        expect(sortDestinations(dests).map(destinationId)).toEqual(
          sortDestinationsLikeIpvsadm(dests).map(destinationId),
        );
      }),
      { numRuns: 500 },
    );
  });
});
