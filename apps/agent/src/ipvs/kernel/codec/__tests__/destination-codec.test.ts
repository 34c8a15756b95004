import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import type { DestinationInput } from '@ipvs-dashboard/shared';
import { attributeMap, parseAttributes } from '../../../../netlink/index.js';
import { packDestinationFull, packDestinationIdentity, unpackDestination } from '../destination-codec.js';
import { hex } from './hex.js';

const service = { protocol: 'tcp' as const, address: '10.0.0.1', port: 80 };
const masq: DestinationInput = {
  address: '10.0.1.2',
  port: 80,
  forwarding: 'masq',
  weight: 1,
  upperThreshold: 0,
  lowerThreshold: 0,
  tunnelType: 'ipip',
  tunnelPort: 0,
  tunnelChecksum: 'nocsum',
};

function codeOf(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? [error.code, error.field] : error;
  }
}

describe('destination-codec', () => {
  it('packs NEW_DEST 10.0.1.2:80 masq weight 1 with the DEST nest of reference §10', () => {
    const [svc, dest] = parseAttributes(packDestinationFull(service, masq));
    expect(svc?.type).toBe(1);
    expect(dest?.type).toBe(2);
    expect(Buffer.concat([hex('48 00 02 00'), dest?.payload ?? Buffer.alloc(0)])).toEqual(
      hex(`48 00 02 00
        06 00 0b 00 02 00 00 00
        14 00 01 00 0a 00 01 02 00 00 00 00 00 00 00 00 00 00 00 00
        06 00 02 00 00 50 00 00
        08 00 03 00 00 00 00 00
        08 00 04 00 01 00 00 00
        08 00 05 00 00 00 00 00
        08 00 06 00 00 00 00 00`),
    );
  });

  it('sends GUE tunnel type, big-endian tunnel port and checksum flags for tunnel destinations', () => {
    const packed = packDestinationFull(
      { protocol: 'sctp', address: '10.10.10.10', port: 3868 },
      {
        ...masq,
        address: '10.20.0.2',
        port: 3868,
        forwarding: 'tunnel',
        tunnelType: 'gue',
        tunnelPort: 6080,
        tunnelChecksum: 'csum',
      },
    );
    const dest = attributeMap(attributeMap(packed).get(2) ?? Buffer.alloc(0));
    expect(dest.get(3)).toEqual(hex('02 00 00 00'));
    expect(dest.get(13)).toEqual(hex('01'));
    expect(dest.get(14)).toEqual(hex('17 c0'));
    expect(dest.get(15)).toEqual(hex('01 00'));
  });

  it('packs DEL_DEST with an IPv6 destination identity', () => {
    const packed = packDestinationIdentity(
      { protocol: 'tcp', address: '2001:db8::10', port: 80 },
      { address: '2001:db8::20', port: 8080 },
    );
    const dest = attributeMap(attributeMap(packed).get(2) ?? Buffer.alloc(0));
    expect(dest.get(11)).toEqual(hex('0a 00'));
    expect(dest.get(1)).toEqual(hex('20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 20'));
    expect(dest.get(2)).toEqual(hex('1f 90'));
    expect([...dest.keys()]).toEqual([11, 1, 2]);
  });

  it('decodes a kernel GUE tunnel destination with connection gauges and STATS64', () => {
    const nest = hex(`
      14 00 01 00 0a 14 00 02 00 00 00 00 00 00 00 00 00 00 00 00
      06 00 02 00 0f 1c 00 00
      08 00 03 00 02 00 00 00
      08 00 04 00 01 00 00 00
      05 00 0d 00 01 00 00 00
      06 00 0e 00 17 c0 00 00
      06 00 0f 00 02 00 00 00
      08 00 05 00 64 00 00 00
      08 00 06 00 32 00 00 00
      08 00 07 00 03 00 00 00
      08 00 08 00 16 00 00 00
      08 00 09 00 04 00 00 00
      06 00 0b 00 02 00 00 00
      10 00 0c 00 0c 00 01 00 16 00 00 00 00 00 00 00`);
    expect(unpackDestination(nest, 'inet')).toEqual({
      address: '10.20.0.2',
      port: 3868,
      family: 'inet',
      forwarding: 'tunnel',
      weight: 1,
      upperThreshold: 100,
      lowerThreshold: 50,
      tunnelType: 'gue',
      tunnelPort: 6080,
      tunnelChecksum: 'remcsum',
      activeConns: 3,
      inactiveConns: 22,
      persistentConns: 4,
      // 3 + 22 is below the upper threshold of 100: not overloaded.
      overloaded: false,
      stats: {
        conns: 22,
        inPackets: 0,
        outPackets: 0,
        inBytes: 0,
        outBytes: 0,
        cps: 0,
        inPps: 0,
        outPps: 0,
        inBps: 0,
        outBps: 0,
      },
    });
  });

  it('takes the family from ADDR_FAMILY, or from the service on kernels before 3.18, never from the bytes', () => {
    const v6Addr = '14 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01';
    const port = '06 00 02 00 00 50 00 00';
    const withAf = hex(`${v6Addr} ${port} 06 00 0b 00 0a 00 00 00`);
    expect(unpackDestination(withAf, 'inet')).toMatchObject({ address: '::1', family: 'inet6' });
    const withoutAf = hex(`14 00 01 00 0a 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 ${port}`);
    expect(unpackDestination(withoutAf, 'inet')).toMatchObject({
      address: '10.0.0.1',
      family: 'inet',
      forwarding: 'masq',
    });
  });

  it('refuses bad input with a field name before anything is sent', () => {
    expect(codeOf(() => packDestinationFull(service, { ...masq, weight: -1 }))).toEqual([
      'VALIDATION_FAILED',
      'weight',
    ]);
    expect(codeOf(() => packDestinationFull(service, { ...masq, weight: 2 ** 31 }))).toEqual([
      'OUT_OF_RANGE',
      'weight',
    ]);
    expect(codeOf(() => packDestinationFull(service, { ...masq, forwarding: 'local' }))).toEqual([
      'VALIDATION_FAILED',
      'forwarding',
    ]);
    expect(codeOf(() => packDestinationFull(service, { ...masq, address: '10.0.0' }))).toEqual([
      'VALIDATION_FAILED',
      'address',
    ]);
    expect(
      codeOf(() =>
        packDestinationFull(service, { ...masq, forwarding: 'tunnel', tunnelType: 'gue', tunnelPort: 0 }),
      ),
    ).toEqual(['VALIDATION_FAILED', 'tunnelPort']);
  });
});
