import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { destinationId, parseDestinationId, parseServiceId, serviceFamily, serviceId } from '../ids.js';
import type { ServiceKey } from '../model.js';

function validationField(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    return (error as AppError).field;
  }
  throw new Error('expected a validation error');
}

describe('ids', () => {
  it('spells service ids as docs/api.md shows them', () => {
    expect(serviceId({ protocol: 'tcp', address: '10.0.0.1', port: 80 })).toBe('tcp:10.0.0.1:80');
    expect(serviceId({ protocol: 'sctp', address: '10.0.0.3', port: 3868 })).toBe('sctp:10.0.0.3:3868');
    expect(serviceId({ protocol: 'tcp', address: '2001:DB8:0::1', port: 80 })).toBe('tcp:[2001:db8::1]:80');
    expect(serviceId({ protocol: 'fwmark', fwmark: 7, family: 'inet' })).toBe('fwmark:7');
    expect(serviceId({ protocol: 'fwmark', fwmark: 8, family: 'inet6' })).toBe('fwmark6:8');
  });

  it('reads back every service id it writes', () => {
    const keys: ServiceKey[] = [
      { protocol: 'udp', address: '10.0.0.1', port: 53 },
      { protocol: 'tcp', address: '2001:db8::1', port: 0 },
      { protocol: 'fwmark', fwmark: 4294967295, family: 'inet' },
      { protocol: 'fwmark', fwmark: 1, family: 'inet6' },
    ];
    for (const key of keys) expect(parseServiceId(serviceId(key))).toEqual(key);
  });

  it('canonicalises addresses when reading ids', () => {
    expect(parseServiceId('tcp:[2001:0DB8::0001]:443')).toEqual({
      protocol: 'tcp',
      address: '2001:db8::1',
      port: 443,
    });
    expect(parseDestinationId('[2001:db8:0:0::10]:80')).toEqual({ address: '2001:db8::10', port: 80 });
  });

  it('refuses malformed service ids with a validation error on "service"', () => {
    const bad = [
      'tcp:10.0.0.1',
      'icmp:10.0.0.1:80',
      'tcp:10.0.0.1:65536',
      'tcp:2001:db8::1:80',
      'tcp:[10.0.0.1]:80',
      'tcp:10.0.0.1:08',
      'fwmark:0',
      'fwmark:4294967296',
      'fwmark6:x',
      'fwmark',
      '',
    ];
    for (const id of bad)
      expect(
        validationField(() => parseServiceId(id)),
        id,
      ).toBe('service');
  });

  it('spells and reads real server ids', () => {
    expect(destinationId({ address: '10.0.1.2', port: 80 })).toBe('10.0.1.2:80');
    expect(destinationId({ address: '2001:db8::10', port: 80 })).toBe('[2001:db8::10]:80');
    expect(parseDestinationId('10.0.1.2:0')).toEqual({ address: '10.0.1.2', port: 0 });
    expect(validationField(() => parseDestinationId('10.0.1.2'))).toBe('destination');
    expect(validationField(() => destinationId({ address: 'example.com', port: 80 }))).toBe('address');
  });

  it('tells the address family of a service', () => {
    expect(serviceFamily({ protocol: 'tcp', address: '10.0.0.1', port: 80 })).toBe('inet');
    expect(serviceFamily({ protocol: 'udp', address: '::1', port: 53 })).toBe('inet6');
    expect(serviceFamily({ protocol: 'fwmark', fwmark: 8, family: 'inet6' })).toBe('inet6');
  });
});
