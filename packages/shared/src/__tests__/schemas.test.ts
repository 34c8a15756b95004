import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  checkDestinationForService,
  checkKernelSettingValue,
  checkServiceSettings,
  clearRequestSchema,
  destinationInputSchema,
  destinationSettingsPatchSchema,
  kernelSettingWriteSchema,
  parseOrThrow,
  serviceInputSchema,
  serviceSettingsPatchSchema,
  syncDaemonInputSchema,
  timeoutsSchema,
} from '../schemas.js';
import type { ServiceSettings } from '../model.js';

function failure(action: () => unknown): { field: string | undefined; message: string } {
  try {
    action();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    return { field: error.field, message: error.message };
  }
  throw new Error('expected a validation error');
}

const settings: ServiceSettings = {
  scheduler: 'wlc',
  schedulerFlags: [],
  persistence: 0,
  netmask: '255.255.255.255',
  persistenceEngine: null,
  onePacket: false,
};

describe('schemas', () => {
  it('fills in ipvsadm defaults and canonicalises the address of a new service', () => {
    expect(parseOrThrow(serviceInputSchema, { protocol: 'tcp', address: '2001:DB8::0:1', port: 80 })).toEqual(
      {
        protocol: 'tcp',
        address: '2001:db8::1',
        port: 80,
        ...settings,
        netmask: '128',
      },
    );
    expect(parseOrThrow(serviceInputSchema, { protocol: 'fwmark', fwmark: 7 })).toMatchObject({
      family: 'inet',
      netmask: '255.255.255.255',
      scheduler: 'wlc',
    });
  });

  it('names the first bad field and its valid range', () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ protocol: 'tcp', address: '10.0.0.1', port: 70000 }, 'port', /0-65535/],
      [{ protocol: 'tcp', address: '10.0.0.300', port: 80 }, 'address', /IPv4 or IPv6/],
      [{ protocol: 'icmp', address: '10.0.0.1', port: 80 }, 'protocol', /tcp, udp, sctp or fwmark/],
      [{ protocol: 'fwmark', fwmark: 0 }, 'fwmark', /1-4294967295/],
      [{ protocol: 'tcp', address: '10.0.0.1', port: 80, scheduler: 'nosuch' }, 'scheduler', /wlc/],
      [{ protocol: 'tcp', address: '10.0.0.1', port: 80, persistence: 2678401 }, 'persistence', /0-2678400/],
      [{ protocol: 'tcp', address: '10.0.0.1', port: 80, colour: 'red' }, 'colour', /not a known field/],
    ];
    for (const [input, field, message] of cases) {
      const error = failure(() => parseOrThrow(serviceInputSchema, input));
      expect(error.field, JSON.stringify(input)).toBe(field);
      expect(error.message).toMatch(new RegExp(`^${field}: `));
      expect(error.message).toMatch(message);
    }
  });

  it('applies ipvsadm rules across service fields', () => {
    const base = { protocol: 'tcp', address: '10.0.0.1', port: 80 };
    const cases: Array<[object, string]> = [
      [{ ...base, scheduler: 'rr', schedulerFlags: ['sh-port'] }, 'schedulerFlags'],
      [{ ...base, scheduler: 'sh', schedulerFlags: ['mh-port'] }, 'schedulerFlags'],
      [{ ...base, onePacket: true }, 'onePacket'],
      [{ ...base, protocol: 'sctp', onePacket: true }, 'onePacket'],
      [{ ...base, persistence: 60, netmask: '64' }, 'netmask'],
      [{ ...base, persistence: 60, netmask: '255.0.255.0' }, 'netmask'],
      [{ ...base, address: '::1', netmask: '255.255.255.0' }, 'netmask'],
      [{ ...base, address: '::1', netmask: '129' }, 'netmask'],
      [{ ...base, port: 0 }, 'port'],
    ];
    for (const [input, field] of cases) {
      expect(failure(() => parseOrThrow(serviceInputSchema, input)).field, JSON.stringify(input)).toBe(field);
    }
    const fine = [
      { ...base, scheduler: 'sh', schedulerFlags: ['sh-fallback', 'sh-port'] },
      { ...base, scheduler: 'rr', schedulerFlags: ['flag-3'] },
      { ...base, protocol: 'udp', onePacket: true },
      { protocol: 'fwmark', fwmark: 1, onePacket: true },
      { ...base, port: 0, persistence: 360, netmask: '255.255.255.0', persistenceEngine: 'sip' },
      { ...base, address: '2001:db8::1', persistence: 1, netmask: '64' },
      { ...base, scheduler: 'none' },
    ];
    for (const input of fine)
      expect(() => parseOrThrow(serviceInputSchema, input), JSON.stringify(input)).not.toThrow();
  });

  it('names scheduler flags the way the kernel will report them back', () => {
    const base = { protocol: 'tcp', address: '10.0.0.1', port: 80 };
    expect(
      parseOrThrow(serviceInputSchema, { ...base, scheduler: 'sh', schedulerFlags: ['sh-port', 'flag-1'] }),
    ).toMatchObject({
      schedulerFlags: ['sh-fallback', 'sh-port'],
    });
  });

  it('takes partial service settings and checks the merge against the service', () => {
    expect(parseOrThrow(serviceSettingsPatchSchema, { scheduler: 'rr' })).toEqual({ scheduler: 'rr' });
    expect(failure(() => parseOrThrow(serviceSettingsPatchSchema, { key: 'x' })).field).toBe('key');
    const udp = { protocol: 'udp', address: '10.0.0.1', port: 53 } as const;
    expect(() => checkServiceSettings(udp, { ...settings, onePacket: true })).not.toThrow();
    expect(
      failure(() => checkServiceSettings({ ...udp, protocol: 'tcp' }, { ...settings, onePacket: true }))
        .field,
    ).toBe('onePacket');
  });

  it('fills real server defaults and checks weights, thresholds and tunnels', () => {
    expect(parseOrThrow(destinationInputSchema, { address: '10.0.1.2', port: 80 })).toEqual({
      address: '10.0.1.2',
      port: 80,
      forwarding: 'route',
      weight: 1,
      upperThreshold: 0,
      lowerThreshold: 0,
      tunnelType: 'ipip',
      tunnelPort: 0,
      tunnelChecksum: 'nocsum',
    });
    const base = { address: '10.0.1.2', port: 80 };
    const cases: Array<[object, string, RegExp]> = [
      [{ ...base, weight: 2147483648 }, 'weight', /0-2147483647/],
      [{ ...base, weight: 1.5 }, 'weight', /whole number/],
      [{ ...base, upperThreshold: 2147483648 }, 'upperThreshold', /0-2147483647/],
      [{ ...base, upperThreshold: 5, lowerThreshold: 10 }, 'lowerThreshold', /upperThreshold/],
      [{ ...base, forwarding: 'local' }, 'forwarding', /route, tunnel or masq/],
      [
        { ...base, forwarding: 'masq', tunnelType: 'gue', tunnelPort: 6080 },
        'tunnelType',
        /tunnel forwarding/,
      ],
      [{ ...base, forwarding: 'tunnel', tunnelType: 'gue' }, 'tunnelPort', /1-65535/],
      [
        { ...base, forwarding: 'tunnel', tunnelType: 'gre', tunnelChecksum: 'remcsum' },
        'tunnelChecksum',
        /csum/,
      ],
      [
        { ...base, forwarding: 'tunnel', tunnelType: 'ipip', tunnelChecksum: 'csum' },
        'tunnelChecksum',
        /ipip/,
      ],
      [{ ...base, forwarding: 'tunnel', tunnelType: 'ipip', tunnelPort: 6080 }, 'tunnelPort', /gue/],
    ];
    for (const [input, field, message] of cases) {
      const error = failure(() => parseOrThrow(destinationInputSchema, input));
      expect(error.field, JSON.stringify(input)).toBe(field);
      expect(error.message).toMatch(message);
    }
    const gue = {
      ...base,
      forwarding: 'tunnel',
      tunnelType: 'gue',
      tunnelPort: 6080,
      tunnelChecksum: 'remcsum',
    };
    expect(parseOrThrow(destinationInputSchema, gue)).toMatchObject(gue);
    expect(parseOrThrow(destinationSettingsPatchSchema, { weight: 0 })).toEqual({ weight: 0 });
  });

  it('allows a real server of the other family only through a tunnel', () => {
    const v4 = { protocol: 'tcp', address: '10.0.0.1', port: 80 } as const;
    const v6dest = { address: '2001:db8::10', port: 80 };
    expect(failure(() => checkDestinationForService(v4, { ...v6dest, forwarding: 'masq' })).field).toBe(
      'address',
    );
    expect(() => checkDestinationForService(v4, { ...v6dest, forwarding: 'tunnel' })).not.toThrow();
    const fw6 = { protocol: 'fwmark', fwmark: 8, family: 'inet6' } as const;
    expect(
      failure(() => checkDestinationForService(fw6, { address: '10.0.1.2', port: 0, forwarding: 'route' }))
        .field,
    ).toBe('address');
  });

  it('validates timeouts, sync daemons, kernel settings and the clear confirmation', () => {
    expect(parseOrThrow(timeoutsSchema, { tcp: 900, tcpFin: 0, udp: 300 })).toEqual({
      tcp: 900,
      tcpFin: 0,
      udp: 300,
    });
    expect(failure(() => parseOrThrow(timeoutsSchema, { tcp: -1, tcpFin: 0, udp: 0 })).field).toBe('tcp');
    expect(failure(() => parseOrThrow(timeoutsSchema, { tcp: 1, udp: 0 })).field).toBe('tcpFin');
    expect(parseOrThrow(syncDaemonInputSchema, { state: 'master', interface: 'eth0', syncId: 7 })).toEqual({
      state: 'master',
      interface: 'eth0',
      syncId: 7,
    });
    expect(
      failure(() => parseOrThrow(syncDaemonInputSchema, { state: 'master', interface: 'eth0', syncId: 256 }))
        .field,
    ).toBe('syncId');
    expect(
      failure(() => parseOrThrow(syncDaemonInputSchema, { state: 'both', interface: 'eth0' })).field,
    ).toBe('state');
    expect(
      failure(() => parseOrThrow(syncDaemonInputSchema, { state: 'backup', interface: 'a/b' })).field,
    ).toBe('interface');
    expect(parseOrThrow(kernelSettingWriteSchema, { value: 1 })).toEqual({ value: 1 });
    expect(failure(() => parseOrThrow(kernelSettingWriteSchema, { value: '1' })).field).toBe('value');
    const setting = { name: 'expire_nodest_conn', min: 0, max: 1 };
    expect(failure(() => checkKernelSettingValue(setting, 2)).message).toBe(
      'value: expire_nodest_conn must be 0-1',
    );
    expect(parseOrThrow(clearRequestSchema, { confirm: 'clear' })).toEqual({ confirm: 'clear' });
    expect(failure(() => parseOrThrow(clearRequestSchema, { confirm: 'yes' })).field).toBe('confirm');
    expect(failure(() => parseOrThrow(clearRequestSchema, undefined)).message).toBe(
      'body: must be a JSON object',
    );
    expect(failure(() => parseOrThrow(serviceInputSchema, 'tcp')).message).toBe(
      'body: must be a JSON object',
    );
  });
});
