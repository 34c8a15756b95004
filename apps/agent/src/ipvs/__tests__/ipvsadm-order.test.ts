import { describe, expect, it } from 'vitest';
import type { AddressFamily, ServiceKey } from '@ipvs-dashboard/shared';
import { serviceId } from '@ipvs-dashboard/shared';
import { sortDestinations, sortServices } from '../ipvsadm-order.js';

function svc(key: ServiceKey, family: AddressFamily = 'inet'): { key: ServiceKey; family: AddressFamily } {
  return { key, family };
}

describe('ipvsadm-order', () => {
  it('orders the captured table exactly as `ipvsadm -Ln` printed it', () => {
    const captured = [
      svc({ protocol: 'tcp', address: '10.10.10.10', port: 80 }),
      svc({ protocol: 'tcp', address: '10.10.10.10', port: 443 }),
      svc({ protocol: 'udp', address: '10.10.10.10', port: 53 }),
      svc({ protocol: 'sctp', address: '10.10.10.10', port: 3868 }),
      svc({ protocol: 'tcp', address: '2001:db8::10', port: 80 }, 'inet6'),
      svc({ protocol: 'fwmark', fwmark: 7, family: 'inet' }),
      svc({ protocol: 'fwmark', fwmark: 8, family: 'inet6' }, 'inet6'),
    ];
    const shuffled = [
      captured[5],
      captured[3],
      captured[6],
      captured[0],
      captured[4],
      captured[2],
      captured[1],
    ];
    expect(sortServices(shuffled.filter((s) => s !== undefined)).map((s) => serviceId(s.key))).toEqual(
      captured.map((s) => serviceId(s.key)),
    );
  });

  it('reproduces the int-subtraction quirk: 192.168.0.1 sorts before 10.0.0.1, as ipvsadm -Sn lists them', () => {
    const sorted = sortServices([
      svc({ protocol: 'tcp', address: '10.0.0.1', port: 80 }),
      svc({ protocol: 'tcp', address: '192.168.0.1', port: 80 }),
      svc({ protocol: 'tcp', address: '10.0.0.2', port: 80 }),
    ]);
    expect(sorted.map((s) => serviceId(s.key))).toEqual([
      'tcp:192.168.0.1:80',
      'tcp:10.0.0.1:80',
      'tcp:10.0.0.2:80',
    ]);
  });

  it('orders destinations by address then port', () => {
    const dests = [
      { address: '10.30.0.2', port: 80, family: 'inet' as const },
      { address: '10.20.0.2', port: 8080, family: 'inet' as const },
      { address: '10.20.0.2', port: 80, family: 'inet' as const },
    ];
    expect(sortDestinations(dests).map((d) => `${d.address}:${d.port}`)).toEqual([
      '10.20.0.2:80',
      '10.20.0.2:8080',
      '10.30.0.2:80',
    ]);
  });
});
