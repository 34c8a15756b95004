// Host-byte-order helpers for the few IPVS fields that are raw structs rather than typed attributes
// (struct ip_vs_flags in IPVS_SVC_ATTR_FLAGS is two host-order u32s; reference §3.2, §11.1).
import { endianness } from 'node:os';

const littleEndian = endianness() === 'LE';

export function writeHostU32(buffer: Buffer, value: number, offset: number): void {
  if (littleEndian) buffer.writeUInt32LE(value >>> 0, offset);
  else buffer.writeUInt32BE(value >>> 0, offset);
}

export function readHostU32(buffer: Buffer, offset: number): number {
  return littleEndian ? buffer.readUInt32LE(offset) : buffer.readUInt32BE(offset);
}

/** A u64 as a JS number: exact up to 2^53, which counters reach only after decades of traffic. */
export function readHostU64(buffer: Buffer, offset: number): number {
  const low = readHostU32(buffer, littleEndian ? offset : offset + 4);
  const high = readHostU32(buffer, littleEndian ? offset + 4 : offset);
  return high * 0x1_0000_0000 + low;
}
