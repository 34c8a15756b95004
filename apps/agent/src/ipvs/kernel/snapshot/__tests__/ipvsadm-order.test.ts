import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AddressFamily, ServiceKey } from '@ipvs-dashboard/shared';
import { addressToBytes } from '../../codec/address.js';
import { serviceId } from '@ipvs-dashboard/shared';
import { sortDestinations, sortServices } from '../ipvsadm-order.js';

function svc(key: ServiceKey, family: AddressFamily = 'inet'): { key: ServiceKey; family: AddressFamily } {
  return { key, family };
}

describe('ipvsadm-order', () => {
  it('orders the captured table exactly as `ipvsadm -Ln` printed it', () => {
    const captured = [
      svc({ protocol: 'tcp', address: '10.10.10.10', port: 80 }),
      svc({ protocol: 'tcp', address: '10.10.10.10', port: 443 }),
      svc({ protocol: 'udp', address: '10.10.10.10', port: 53 }),
      svc({ protocol: 'sctp', address: '10.10.10.10', port: 3868 }),
      svc({ protocol: 'tcp', address: '2001:db8::10', port: 80 }, 'inet6'),
      svc({ protocol: 'fwmark', fwmark: 7, family: 'inet' }),
      svc({ protocol: 'fwmark', fwmark: 8, family: 'inet6' }, 'inet6'),
    ];
    const shuffled = [
      captured[5],
      captured[3],
      captured[6],
      captured[0],
      captured[4],
      captured[2],
      captured[1],
    ];
    expect(sortServices(shuffled.filter((s) => s !== undefined)).map((s) => serviceId(s.key))).toEqual(
      captured.map((s) => serviceId(s.key)),
    );
  });

  it('reproduces the int-subtraction quirk: 192.168.0.1 sorts before 10.0.0.1, as ipvsadm -Sn lists them', () => {
    const sorted = sortServices([
      svc({ protocol: 'tcp', address: '10.0.0.1', port: 80 }),
      svc({ protocol: 'tcp', address: '192.168.0.1', port: 80 }),
      svc({ protocol: 'tcp', address: '10.0.0.2', port: 80 }),
    ]);
    expect(sorted.map((s) => serviceId(s.key))).toEqual([
      'tcp:192.168.0.1:80',
      'tcp:10.0.0.1:80',
      'tcp:10.0.0.2:80',
    ]);
  });

  it('orders destinations by address then port', () => {
    const dests = [
      { address: '10.30.0.2', port: 80, family: 'inet' as const },
      { address: '10.20.0.2', port: 8080, family: 'inet' as const },
      { address: '10.20.0.2', port: 80, family: 'inet' as const },
    ];
    expect(sortDestinations(dests).map((d) => `${d.address}:${d.port}`)).toEqual([
      '10.20.0.2:80',
      '10.20.0.2:8080',
      '10.30.0.2:80',
    ]);
  });

  it('orders mixed IPv4/IPv6 lists as glibc qsort with libipvs int subtraction does', () => {
    // The reference model: libipvs ipvs_cmp_dests on ntohl words, the first dest's family picking 1 or 4,
    // under glibc's merge sort (msort.c) written plainly: the comparison is not transitive, so the
    // algorithm matters too.
    const plainMergeSort = <T>(items: T[], compare: (a: T, b: T) => number): T[] => {
      if (items.length <= 1) return items;
      const half = Math.floor(items.length / 2);
      const left = plainMergeSort(items.slice(0, half), compare);
      const right = plainMergeSort(items.slice(half), compare);
      const out: T[] = [];
      while (left.length > 0 && right.length > 0) {
        out.push((compare(left[0] as T, right[0] as T) <= 0 ? left : right).shift() as T);
      }
      return [...out, ...left, ...right];
    };
    const words = (d: { address: string; family: AddressFamily }) => {
      const bytes = addressToBytes(d.address, d.family);
      return [0, 4, 8, 12].map((at) => bytes.readUInt32BE(at));
    };
    const reference = <T extends { address: string; port: number; family: AddressFamily }>(list: T[]) =>
      plainMergeSort(
        list.map((d) => ({ d, w: words(d) })),
        (a, b) => {
          for (let i = 0; i < (a.d.family === 'inet6' ? 4 : 1); i++) {
            const r = ((a.w[i] ?? 0) - (b.w[i] ?? 0)) | 0;
            if (r !== 0) return r;
          }
          return a.d.port - b.d.port;
        },
      ).map((entry) => entry.d);
    const dest = fc.oneof(
      fc.record({ address: fc.ipV4(), port: fc.nat(65535), family: fc.constant('inet' as const) }),
      fc.record({
        address: fc.constantFrom('2001:db8::1', '2001:db8::2', 'fe80::1', '::1', '2001:db8:0:1::'),
        port: fc.nat(65535),
        family: fc.constant('inet6' as const),
      }),
    );
    fc.assert(
      fc.property(fc.array(dest, { maxLength: 80 }), fc.nat(5), (list, cut) => {
        // Random, already sorted and reversed lists (the kernel lists newest first), and a sub-range.
        for (const order of [list, reference(list), reference(list).reverse()]) {
          expect(sortDestinations(order)).toEqual(reference(order));
          const from = Math.min(cut, order.length);
          expect(sortDestinations(order, from, order.length)).toEqual(reference(order.slice(from)));
        }
      }),
    );
  });
});
