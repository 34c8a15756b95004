// Netlink header fields and most IPVS attributes are in host byte order. The order is picked once from
// os.endianness() so the codec stays correct on a big-endian host too (s390x, ppc64).
import { endianness } from 'node:os';

const little = endianness() === 'LE';

export const hostOrder = {
  readU16: (buf: Buffer, offset: number): number =>
    little ? buf.readUInt16LE(offset) : buf.readUInt16BE(offset),
  readU32: (buf: Buffer, offset: number): number =>
    little ? buf.readUInt32LE(offset) : buf.readUInt32BE(offset),
  readS32: (buf: Buffer, offset: number): number =>
    little ? buf.readInt32LE(offset) : buf.readInt32BE(offset),
  readU64: (buf: Buffer, offset: number): bigint =>
    little ? buf.readBigUInt64LE(offset) : buf.readBigUInt64BE(offset),
  writeU16: (buf: Buffer, value: number, offset: number): number =>
    little ? buf.writeUInt16LE(value, offset) : buf.writeUInt16BE(value, offset),
  writeU32: (buf: Buffer, value: number, offset: number): number =>
    little ? buf.writeUInt32LE(value, offset) : buf.writeUInt32BE(value, offset),
  writeU64: (buf: Buffer, value: bigint, offset: number): number =>
    little ? buf.writeBigUInt64LE(value, offset) : buf.writeBigUInt64BE(value, offset),
};
