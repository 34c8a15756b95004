// Host-byte-order helpers for the few IPVS fields that are raw structs rather than typed attributes
// (struct ip_vs_flags in IPVS_SVC_ATTR_FLAGS is two host-order u32s; reference §3.2, §11.1).
import { endianness } from 'node:os';

const littleEndian = endianness() === 'LE';

export function writeHostU32(buffer: Buffer, value: number, offset: number): void {
  if (littleEndian) buffer.writeUInt32LE(value >>> 0, offset);
  else buffer.writeUInt32BE(value >>> 0, offset);
}

export function writeHostU16(buffer: Buffer, value: number, offset: number): void {
  if (littleEndian) buffer.writeUInt16LE(value, offset);
  else buffer.writeUInt16BE(value, offset);
}
