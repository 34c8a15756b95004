// Netlink header fields, most IPVS attributes and the few raw IPVS structs (struct ip_vs_flags) are in host
// byte order: the one home of host-order reads and writes. The pure codec follows os.endianness(), but the
// agent only runs the kernel backend on 64-bit little-endian hosts (sys/platform.ts): the hand-laid libc
// structs below the codec are not portable.
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
