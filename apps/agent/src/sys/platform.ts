// The libc structures this layer lays out by hand (sockaddr_nl, pollfd, mmsghdr/iovec in
// receive-batch.ts, int options) are written for 64-bit little-endian Linux. Elsewhere the kernel
// backend must not start at all: it would send the kernel garbage. Say so plainly instead.
import { endianness } from 'node:os';

const supportedArchitectures = new Set(['x64', 'arm64']);

/** Why the kernel backend cannot run on this host, or null when it can. */
export function platformProblem(
  host: { platform: string; arch: string; endianness: string } = {
    platform: process.platform,
    arch: process.arch,
    endianness: endianness(),
  },
): string | null {
  if (host.platform !== 'linux') return `IPVS is a Linux facility; this is ${host.platform}`;
  if (!supportedArchitectures.has(host.arch) || host.endianness !== 'LE') {
    return `the kernel backend supports 64-bit little-endian Linux (x86_64, aarch64); this host is ${host.arch} ${host.endianness}`;
  }
  return null;
}
