import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceId } from '../../ids.js';
import { addressWords, parseIpAddress } from '../../ip-address.js';
import type { ServiceKey } from '../../model.js';
import { sortServicesLikeIpvsadm } from '../sort.js';
import { serviceKey } from './arbitraries.js';

// The oracle: libipvs ipvs_cmp_services and glibc msort written as plainly as possible, every key
// re-read on every comparison (what sort.ts computes once per entry).
const int = (a: number, b: number) => (a - b) | 0;
function plainCompare(a: ServiceKey, b: ServiceKey): number {
  const mark = int(a.protocol === 'fwmark' ? a.fwmark : 0, b.protocol === 'fwmark' ? b.fwmark : 0);
  if (mark !== 0) return mark;
  const af = (k: ServiceKey) =>
    (k.protocol === 'fwmark' ? k.family : parseIpAddress(k.address)?.family) === 'inet6' ? 10 : 2;
  if (af(a) !== af(b)) return af(a) - af(b);
  const proto = { tcp: 6, udp: 17, sctp: 132, fwmark: 6 };
  if (proto[a.protocol] !== proto[b.protocol]) return proto[a.protocol] - proto[b.protocol];
  const words = (k: ServiceKey) => {
    const parsed = k.protocol === 'fwmark' ? null : parseIpAddress(k.address);
    return parsed ? addressWords(parsed) : [0, 0, 0, 0];
  };
  for (let i = 0; i < (af(a) === 10 ? 4 : 1); i++) {
    const d = int(words(a)[i] ?? 0, words(b)[i] ?? 0);
    if (d !== 0) return d;
  }
  return (a.protocol === 'fwmark' ? 0 : a.port) - (b.protocol === 'fwmark' ? 0 : b.port);
}
function plainMergeSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return items;
  const half = Math.floor(items.length / 2);
  const left = plainMergeSort(items.slice(0, half), compare);
  const right = plainMergeSort(items.slice(half), compare);
  const out: T[] = [];
  while (left.length && right.length) out.push((compare(left[0]!, right[0]!) <= 0 ? left : right).shift()!);
  return [...out, ...left, ...right];
}

describe('sort', () => {
  it('orders any services exactly as the plain libipvs comparator under glibc merge sort', () => {
    fc.assert(
      fc.property(fc.array(serviceKey, { maxLength: 60 }), (keys) => {
        const services = keys.map((key) => ({ key }));
        const expected = plainMergeSort(services, (a, b) => plainCompare(a.key, b.key));
        expect(sortServicesLikeIpvsadm(services).map((s) => serviceId(s.key))).toEqual(
          expected.map((s) => serviceId(s.key)),
        );
      }),
    );
  });

  it('keeps ipvsadm quirks: 200.0.0.1 before 1.0.0.1 (u32 difference as int), fwmark 3e9 before TCP', () => {
    const keys: ServiceKey[] = [
      { protocol: 'tcp', address: '1.0.0.1', port: 80 },
      { protocol: 'fwmark', fwmark: 3_000_000_000, family: 'inet' },
      { protocol: 'tcp', address: '200.0.0.1', port: 80 },
    ];
    expect(sortServicesLikeIpvsadm(keys.map((key) => ({ key }))).map((s) => serviceId(s.key))).toEqual([
      'fwmark:3000000000',
      'tcp:200.0.0.1:80',
      'tcp:1.0.0.1:80',
    ]);
  });
});
