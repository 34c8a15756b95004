import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AttributeWriter, attributeMap } from '../../../../netlink/index.js';
import { AttributeIndex } from '../attribute-index.js';
import { hex } from './hex.js';

describe('attribute-index', () => {
  it('finds what the codec wrote, for any attributes, exactly as netlink attributeMap does', () => {
    const attribute = fc.record({
      type: fc.integer({ min: 1, max: 15 }),
      payload: fc.uint8Array({ maxLength: 24 }),
    });
    fc.assert(
      fc.property(fc.array(attribute, { maxLength: 12 }), (attributes) => {
        const w = new AttributeWriter();
        for (const { type, payload } of attributes) w.bytes(type, payload);
        const buf = w.toBuffer();
        const index = new AttributeIndex(15).scan(buf);
        const map = attributeMap(buf);
        for (let type = 1; type <= 15; type++) {
          const payload = map.get(type);
          expect(index.has(type)).toBe(payload !== undefined);
          if (payload !== undefined) {
            const at = index.offset(type);
            expect(buf.subarray(at, at + index.length(type))).toEqual(payload);
          }
        }
      }),
    );
  });

  it('masks NLA_F_NESTED, ignores types above its maximum and stops at an attribute that overruns', () => {
    const buf = hex(
      '08 00 01 80 2a 00 00 00   08 00 20 00 01 00 00 00   08 00 02 00 07 00 00 00   10 00 03 00 01 00',
    );
    const index = new AttributeIndex(3).scan(buf);
    expect(index.u32(1)).toBe(42);
    expect(index.u32(2)).toBe(7);
    expect(index.has(3)).toBe(false);
  });

  it('reads u64 counters above 2^32 and u32 counters by payload size', () => {
    const index = new AttributeIndex(2).scan(
      hex('0c 00 01 00 05 00 00 00 02 00 00 00   08 00 02 00 ff ff ff ff'),
    );
    expect(index.counter(1)).toBe(2 * 2 ** 32 + 5);
    expect(index.counter(2)).toBe(2 ** 32 - 1);
  });
});
