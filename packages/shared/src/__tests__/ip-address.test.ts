import { describe, expect, it } from 'vitest';
import { addressWords, canonicalAddress, parseIpAddress } from '../ip-address.js';

describe('ip-address', () => {
  it('reads dotted quads and refuses anything else', () => {
    expect(parseIpAddress('10.0.1.2')).toEqual({ family: 'inet', bytes: [10, 0, 1, 2] });
    for (const bad of ['10.0.1', '10.0.1.256', '010.0.0.1', '1.2.3.4.5', '', 'a.b.c.d', ' 1.2.3.4']) {
      expect(parseIpAddress(bad), bad).toBeNull();
    }
  });

  it('writes IPv6 compressed and lowercase, the way inet_ntop prints it', () => {
    const cases: Array<[string, string]> = [
      ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
      ['0:0:0:0:0:0:0:0', '::'],
      ['::1', '::1'],
      ['fe80::', 'fe80::'],
      ['::ffff:10.0.0.1', '::ffff:10.0.0.1'],
      ['::ffff:a00:1', '::ffff:10.0.0.1'],
      ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ];
    for (const [input, canonical] of cases) expect(canonicalAddress(input), input).toBe(canonical);
  });

  it('refuses malformed IPv6', () => {
    for (const bad of [
      '1::2::3',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '12345::',
      '::g',
      '1:2:3:4:5:6:7::8',
    ]) {
      expect(parseIpAddress(bad), bad).toBeNull();
    }
  });

  it('lays addresses out like the kernel union, IPv4 in the first word', () => {
    expect(addressWords(parseIpAddress('200.0.0.1')!)).toEqual([0xc8000001, 0, 0, 0]);
    expect(addressWords(parseIpAddress('2001:db8::1')!)).toEqual([0x20010db8, 0, 0, 1]);
  });
});
