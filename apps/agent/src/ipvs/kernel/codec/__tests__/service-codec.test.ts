import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '@ipvs-dashboard/shared';
import type { ServiceInput } from '@ipvs-dashboard/shared';
import { attributeMap } from '../../../../netlink/index.js';
import {
  identityFromServiceMessage,
  packServiceFull,
  packServiceIdentity,
  unpackService,
  unpackServiceMessage,
} from '../service-codec.js';
import { hex } from './hex.js';

// Reference §10 (little-endian host): the SERVICE nest of NEW_SERVICE TCP 10.0.0.1:80 rr, bytes 0x14-0x67.
const newServiceNest = hex(`
  54 00 01 00
  06 00 01 00 02 00 00 00
  06 00 02 00 06 00 00 00
  14 00 03 00 0a 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00
  06 00 04 00 00 50 00 00
  07 00 06 00 72 72 00 00
  0c 00 07 00 00 00 00 00 ff ff ff ff
  08 00 08 00 00 00 00 00
  08 00 09 00 ff ff ff ff`);

const rrService: ServiceInput = {
  protocol: 'tcp',
  address: '10.0.0.1',
  port: 80,
  scheduler: 'rr',
  schedulerFlags: [],
  persistence: 0,
  netmask: '255.255.255.255',
  persistenceEngine: null,
  onePacket: false,
};

/** A kernel reply for `ipvsadm -A -t 10.10.10.10:443 -s sh -b sh-fallback,sh-port -p 600 -M 255.255.255.0`. */
function shServiceReply(stats64: boolean): Buffer {
  const stats32 = hex(`
    08 00 01 00 01 00 00 00   08 00 02 00 02 00 00 00   08 00 03 00 03 00 00 00
    0c 00 04 00 04 00 00 00 00 00 00 00   0c 00 05 00 05 00 00 00 00 00 00 00
    08 00 06 00 06 00 00 00   08 00 07 00 07 00 00 00   08 00 08 00 08 00 00 00
    08 00 09 00 09 00 00 00   08 00 0a 00 0a 00 00 00`);
  // STATS64 with a PAD (type 11, empty) first, as non-x86 kernels emit it; conns above 2^32.
  const stats64Nest = hex(`
    04 00 0b 00
    0c 00 01 00 1e 00 00 00 01 00 00 00   0c 00 02 00 cc 00 00 00 00 00 00 00
    0c 00 03 00 9c 00 00 00 00 00 00 00   0c 00 04 00 0c 33 00 00 00 00 00 00
    0c 00 05 00 2c 3a 00 00 00 00 00 00   0c 00 06 00 03 00 00 00 00 00 00 00
    0c 00 07 00 11 00 00 00 00 00 00 00   0c 00 08 00 0d 00 00 00 00 00 00 00
    0c 00 09 00 45 04 00 00 00 00 00 00   0c 00 0a 00 dc 04 00 00 00 00 00 00`);
  const head = hex(`
    06 00 01 00 02 00 00 00
    06 00 02 00 06 00 00 00
    14 00 03 00 0a 0a 0a 0a 00 00 00 00 00 00 00 00 00 00 00 00
    06 00 04 00 01 bb 00 00
    07 00 06 00 73 68 00 00
    0c 00 07 00 1b 00 00 00 ff ff ff ff
    08 00 08 00 58 02 00 00
    08 00 09 00 ff ff ff 00`);
  const statsAttr = Buffer.concat([Buffer.from([stats32.length + 4, 0, 10, 0]), stats32]);
  const parts = [head, statsAttr];
  if (stats64) parts.push(Buffer.from([stats64Nest.length + 4, 0, 12, 0]), stats64Nest);
  return Buffer.concat(parts);
}

describe('service-codec', () => {
  it('packs NEW_SERVICE TCP 10.0.0.1:80 rr byte for byte as reference §10', () => {
    expect(packServiceFull(rrService).toString('hex')).toBe(newServiceNest.toString('hex'));
  });

  it('packs the identity-only nest GET_DEST sends (length 0x30: AF, PROTOCOL, ADDR, PORT)', () => {
    const packed = packServiceIdentity({ protocol: 'tcp', address: '10.0.0.1', port: 80 });
    expect(packed.toString('hex')).toBe(
      newServiceNest.subarray(0, 0x30).toString('hex').replace(/^54/, '30'),
    );
  });

  it('packs DEL_SERVICE for IPv6 fwmark 100 as reference §10', () => {
    const packed = packServiceIdentity({ protocol: 'fwmark', fwmark: 100, family: 'inet6' });
    expect(packed).toEqual(hex('14 00 01 00 06 00 01 00 0a 00 00 00 08 00 05 00 64 00 00 00'));
  });

  it('sends an IPv6 netmask as a host-order prefix length and a persistent flag with the timeout', () => {
    const packed = packServiceFull({
      ...rrService,
      address: '2001:db8::10',
      scheduler: 'mh',
      schedulerFlags: ['mh-port'],
      persistence: 360,
      netmask: '64',
    });
    const nest = attributeMap(packed).get(1);
    const a = attributeMap(nest ?? Buffer.alloc(0));
    expect(a.get(9)).toEqual(hex('40 00 00 00'));
    expect(a.get(7)).toEqual(hex('11 00 00 00 ff ff ff ff'));
    expect(a.get(8)).toEqual(hex('68 01 00 00'));
  });

  it('decodes a kernel reply: key, sh flag names, persistence, mask, HASHED hidden, STATS64 preferred', () => {
    const service = unpackService(shServiceReply(true));
    expect(service).toMatchObject({
      key: { protocol: 'tcp', address: '10.10.10.10', port: 443 },
      family: 'inet',
      scheduler: 'sh',
      schedulerFlags: ['sh-fallback', 'sh-port'],
      persistence: 600,
      netmask: '255.255.255.0',
      persistenceEngine: null,
      onePacket: false,
    });
    expect(service.stats).toEqual({
      conns: 2 ** 32 + 30,
      inPackets: 204,
      outPackets: 156,
      inBytes: 13068,
      outBytes: 14892,
      cps: 3,
      inPps: 17,
      outPps: 13,
      inBps: 1093,
      outBps: 1244,
    });
  });

  it('falls back to the 32-bit STATS nest on kernels without STATS64 (< 4.1)', () => {
    const service = unpackService(shServiceReply(false));
    expect(service.stats.conns).toBe(1);
    expect(service.stats.inBytes).toBe(4);
    expect(service.stats.outBps).toBe(10);
  });

  it('decodes a whole reply message (top-level SERVICE attribute)', () => {
    const nest = shServiceReply(true);
    const message = Buffer.concat([
      Buffer.from([(nest.length + 4) & 0xff, (nest.length + 4) >> 8, 1, 0]),
      nest,
    ]);
    expect(unpackServiceMessage(message).key).toEqual({ protocol: 'tcp', address: '10.10.10.10', port: 443 });
  });

  it('refuses flags of another scheduler, a bad IPv6 prefix and fwmark 0 before anything is sent', () => {
    const attempt = (input: ServiceInput): unknown => {
      try {
        packServiceFull(input);
        return null;
      } catch (error) {
        return error instanceof AppError ? [error.code, error.field] : error;
      }
    };
    expect(attempt({ ...rrService, schedulerFlags: ['sh-port'] })).toEqual([
      'VALIDATION_FAILED',
      'schedulerFlags',
    ]);
    expect(attempt({ ...rrService, address: '2001:db8::1', netmask: '129' })).toEqual([
      'VALIDATION_FAILED',
      'netmask',
    ]);
    expect(attempt({ ...rrService, protocol: 'fwmark', fwmark: 0, family: 'inet' })).toEqual([
      'VALIDATION_FAILED',
      'fwmark',
    ]);
  });

  it('round-trips any valid service through pack and unpack', () => {
    const ipv4 = fc.ipV4();
    const settings = fc.record({
      scheduler: fc.constantFrom('rr', 'wlc', 'sh', 'mh'),
      persistence: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2678400 })),
      onePacket: fc.boolean(),
      persistenceEngine: fc.constantFrom(null, 'sip'),
      bits: fc.subarray([0, 1, 2]),
    });
    const key = fc.oneof(
      fc.record({
        protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'sctp' as const),
        address: ipv4,
        port: fc.nat(65535),
      }),
      fc.record({
        protocol: fc.constant('fwmark' as const),
        fwmark: fc.integer({ min: 1, max: 0xffffffff }),
        family: fc.constantFrom('inet' as const, 'inet6' as const),
      }),
    );
    fc.assert(
      fc.property(key, settings, (k, s) => {
        const names: Record<string, string[]> = {
          sh: ['sh-fallback', 'sh-port', 'flag-3'],
          mh: ['mh-fallback', 'mh-port', 'flag-3'],
        };
        const flagNames = names[s.scheduler] ?? ['flag-1', 'flag-2', 'flag-3'];
        const input = {
          ...k,
          scheduler: s.scheduler,
          schedulerFlags: s.bits.map((b) => flagNames[b]),
          persistence: s.persistence,
          netmask: k.protocol === 'fwmark' && k.family === 'inet6' ? '128' : '255.255.255.255',
          persistenceEngine: s.persistenceEngine,
          onePacket: s.onePacket,
        } as ServiceInput;
        const nest = attributeMap(packServiceFull(input)).get(1) ?? Buffer.alloc(0);
        const { key: decodedKey, stats: _stats, family: _family, ...decoded } = unpackService(nest);
        const { scheduler, schedulerFlags, persistence, netmask, persistenceEngine, onePacket, ...inputKey } =
          input;
        expect(decodedKey).toEqual(inputKey);
        expect(decoded).toEqual({
          scheduler,
          schedulerFlags,
          persistence,
          netmask,
          persistenceEngine,
          onePacket,
        });
      }),
    );
  });
});

describe('service-codec identityFromServiceMessage', () => {
  it('copies the identity of a dumped service into the same bytes packServiceIdentity encodes', () => {
    const cases = [
      { protocol: 'udp' as const, address: '10.10.10.10', port: 53 },
      { protocol: 'tcp' as const, address: '2001:db8::10', port: 80 },
      { protocol: 'fwmark' as const, fwmark: 7, family: 'inet' as const },
    ];
    for (const key of cases) {
      const full = packServiceFull({ ...rrService, ...key, netmask: '' });
      expect(identityFromServiceMessage(full)).toEqual(packServiceIdentity(key));
    }
  });
});
