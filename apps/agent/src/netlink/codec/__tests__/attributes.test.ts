import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AttributeWriter,
  NLA_F_NESTED,
  NetlinkCodecError,
  attributeMap,
  parseAttributes,
  readString,
  readU16,
  readU16be,
  readU32,
  readU32be,
  readU64,
  readU8,
} from '../index.js';

type Node = { type: number; payload: Uint8Array } | { type: number; children: Node[] };

function write(writer: AttributeWriter, nodes: Node[]): void {
  for (const node of nodes) {
    if ('children' in node) writer.nest(node.type, (inner) => write(inner, node.children));
    else writer.bytes(node.type, node.payload);
  }
}

// Decoding is driven by the expected shape, as the IPVS layer decides nesting by attribute type.
function read(buf: Buffer, shape: Node[]): Node[] {
  const attributes = parseAttributes(buf);
  return attributes.map((attribute, index) => {
    const expected = shape[index];
    if (expected && 'children' in expected) {
      return { type: attribute.type, children: read(attribute.payload, expected.children) };
    }
    return { type: attribute.type, payload: new Uint8Array(attribute.payload) };
  });
}

const attributeType = fc.integer({ min: 0, max: 0x3fff });
const { tree } = fc.letrec<{ tree: Node[]; node: Node }>((tie) => ({
  tree: fc.array(tie('node'), { maxLength: 5 }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: attributeType, payload: fc.uint8Array({ maxLength: 40 }) }),
    fc.record({ type: attributeType, children: tie('tree') }),
  ),
}));

describe('attribute codec', () => {
  it('decodes any attribute tree it encoded, with 4-byte aligned output', () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        const writer = new AttributeWriter();
        write(writer, nodes);
        const buf = writer.toBuffer();
        expect(buf.length % 4).toBe(0);
        expect(read(buf, nodes)).toEqual(nodes);
      }),
    );
  });

  it('writes the sizes the kernel expects: u8 len 5, u16 len 6, u32 len 8, u64 len 12, "rr" len 7', () => {
    const buf = new AttributeWriter()
      .u8(1, 0xab)
      .u16(2, 0x1234)
      .u32(3, 0xdeadbeef)
      .u64(4, 0x0102030405060708n)
      .string(5, 'rr')
      .toBuffer();
    expect(buf.toString('hex')).toBe(
      [
        '05000100ab000000',
        '0600020034120000',
        '08000300efbeadde',
        '0c0004000807060504030201',
        '0700050072720000',
      ].join(''),
    );
  });

  it('reads back every integer width and byte order', () => {
    const map = attributeMap(
      new AttributeWriter()
        .u8(1, 200)
        .u16(2, 65535)
        .u16be(3, 80)
        .u32(4, 4294967295)
        .u32be(5, 0xffffff00)
        .u64(6, 18446744073709551615n)
        .string(7, 'wlc')
        .toBuffer(),
    );
    expect(readU8(map.get(1)!)).toBe(200);
    expect(readU16(map.get(2)!)).toBe(65535);
    expect(map.get(3)!.toString('hex')).toBe('0050');
    expect(readU16be(map.get(3)!)).toBe(80);
    expect(readU32(map.get(4)!)).toBe(4294967295);
    expect(readU32be(map.get(5)!)).toBe(0xffffff00);
    expect(readU64(map.get(6)!)).toBe(18446744073709551615n);
    expect(readString(map.get(7)!)).toBe('wlc');
  });

  it('masks NLA_F_NESTED and NLA_F_NET_BYTEORDER out of the type and reports the nested flag', () => {
    const buf = new AttributeWriter()
      .bytes(NLA_F_NESTED | 7, Buffer.alloc(0))
      .bytes(0x4000 | 9, Buffer.of(1))
      .toBuffer();
    expect(parseAttributes(buf).map(({ type, nested }) => ({ type, nested }))).toEqual([
      { type: 7, nested: true },
      { type: 9, nested: false },
    ]);
  });

  it('copies payload bytes, so changing the source afterwards does not change the message', () => {
    const address = Buffer.of(10, 0, 0, 1);
    const writer = new AttributeWriter().bytes(3, address);
    address[3] = 99;
    expect(writer.toBuffer().toString('hex')).toBe('080003000a000001');
  });

  it('keeps the last of repeated attributes in attributeMap', () => {
    const map = attributeMap(new AttributeWriter().u32(1, 1).u32(1, 2).toBuffer());
    expect(readU32(map.get(1)!)).toBe(2);
  });

  it('ignores trailing junk shorter than a header and stops at an nla_len below 4', () => {
    const valid = new AttributeWriter().u32(1, 7).toBuffer();
    expect(parseAttributes(Buffer.concat([valid, Buffer.of(1, 2, 3)]))).toHaveLength(1);
    expect(parseAttributes(Buffer.concat([valid, Buffer.from('02000100', 'hex'), valid]))).toHaveLength(1);
  });

  it('accepts a last attribute whose padding is missing', () => {
    const attrs = parseAttributes(Buffer.from('0500010007', 'hex'));
    expect(attrs).toEqual([{ type: 1, nested: false, payload: Buffer.of(7) }]);
  });

  it('rejects an attribute that overruns its container', () => {
    expect(() => parseAttributes(Buffer.from('0c000100aabbccdd', 'hex'))).toThrow(NetlinkCodecError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          parseAttributes(Buffer.from(bytes));
        } catch (error) {
          expect(error).toBeInstanceOf(NetlinkCodecError);
        }
      }),
    );
  });

  it('refuses short payloads in the typed readers', () => {
    expect(() => readU8(Buffer.alloc(0))).toThrow(NetlinkCodecError);
    expect(() => readU16(Buffer.alloc(1))).toThrow(NetlinkCodecError);
    expect(() => readU16be(Buffer.alloc(1))).toThrow(NetlinkCodecError);
    expect(() => readU32(Buffer.alloc(3))).toThrow(NetlinkCodecError);
    expect(() => readU32be(Buffer.alloc(2))).toThrow(NetlinkCodecError);
    expect(() => readU64(Buffer.alloc(7))).toThrow('u64 attribute needs 8 bytes, got 7');
  });

  it('reads a string up to its NUL, or all of it without one', () => {
    expect(readString(Buffer.from('rr\0junk'))).toBe('rr');
    expect(readString(Buffer.from('sed'))).toBe('sed');
  });

  it('refuses values that do not fit their width instead of writing wrong bytes', () => {
    const writer = new AttributeWriter();
    expect(() => writer.u8(1, 256)).toThrow(NetlinkCodecError);
    expect(() => writer.u16(1, -1)).toThrow(NetlinkCodecError);
    expect(() => writer.u16be(1, 1.5)).toThrow(NetlinkCodecError);
    expect(() => writer.u32(1, 2 ** 32)).toThrow(NetlinkCodecError);
    expect(() => writer.u64(1, -1n)).toThrow(NetlinkCodecError);
    expect(() => writer.string(1, 'a\0b')).toThrow(NetlinkCodecError);
    expect(() => writer.bytes(0x10000, Buffer.alloc(0))).toThrow(NetlinkCodecError);
    expect(() => writer.bytes(1, Buffer.alloc(65532))).toThrow(NetlinkCodecError);
    expect(writer.toBuffer()).toHaveLength(0);
  });
});
