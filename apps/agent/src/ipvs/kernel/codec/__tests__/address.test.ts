import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressFromBytes, addressToBytes, familyOf, ipv6FromBytes } from '../address.js';

describe('address', () => {
  it('writes IPv4 into bytes 0..3 of the 16-byte nf_inet_addr, not IPv4-mapped', () => {
    expect(addressToBytes('10.0.0.1', 'inet').toString('hex')).toBe('0a000001' + '00'.repeat(12));
  });

  it('prints IPv6 exactly as the WHATWG URL parser does, for any 16 bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 5 }),
        (raw, zeros) => {
          const bytes = Buffer.from(raw);
          bytes.fill(0, zeros * 2, zeros * 2 + 6);
          const full = [...Array(8).keys()].map((i) => bytes.readUInt16BE(i * 2).toString(16)).join(':');
          expect(ipv6FromBytes(bytes)).toBe(new URL(`http://[${full}]/`).hostname.slice(1, -1));
        },
      ),
    );
  });

  it('round-trips text through bytes for any address, including "::" and embedded IPv4 forms', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (text) => {
        const family = familyOf(text) ?? 'inet';
        const again = addressFromBytes(addressToBytes(text, family), family);
        expect(addressToBytes(again, family)).toEqual(addressToBytes(text, family));
      }),
    );
    expect(addressFromBytes(addressToBytes('::ffff:10.0.0.1', 'inet6'), 'inet6')).toBe('::ffff:a00:1');
    expect(addressFromBytes(addressToBytes('2001:DB8:0:0:1:0:0:1', 'inet6'), 'inet6')).toBe(
      '2001:db8::1:0:0:1',
    );
  });
});
